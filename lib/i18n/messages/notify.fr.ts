// French texts of notifications and the background’s messages shown to people (entrypoints/background, lib/ui/error-text.ts): the same keys as notify.en.ts.
import type { FrenchOf } from './french.ts';
import type { notifyEn } from './notify.en.ts';

export const notifyFr: FrenchOf<typeof notifyEn> = {};
