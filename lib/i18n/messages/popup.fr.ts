// French texts of the popup: watchlist, alerts, status bar, mode bar, the Trade tab and the order ticket (lib/ui, lib/ui/trading, lib/ticket, entrypoints/popup): the same keys as popup.en.ts.
import type { FrenchOf } from './french.ts';
import type { popupEn } from './popup.en.ts';

export const popupFr: FrenchOf<typeof popupEn> = {};
