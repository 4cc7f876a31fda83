// French texts of the side panel and the chart (entrypoints/sidepanel, lib/chart, DepthLadder): the same keys as panel.en.ts.
import type { FrenchOf } from './french.ts';
import type { panelEn } from './panel.en.ts';

export const panelFr: FrenchOf<typeof panelEn> = {};
