// English texts of the popup: watchlist, alerts, status bar, mode bar, the Trade tab and the order ticket (lib/ui, lib/ui/trading, lib/ticket, entrypoints/popup).
// One file per area so that areas can be translated apart; en.ts gathers them.
export const popupEn = {} as const;
