// English texts of the side panel and the chart (entrypoints/sidepanel, lib/chart, DepthLadder).
// One file per area so that areas can be translated apart; en.ts gathers them.
export const panelEn = {} as const;
