// French texts of the options page: endpoint, vault, keys, alerts settings, sound (lib/ui/vault, EndpointForm, AlertsSettings, entrypoints/options): the same keys as options.en.ts.
import type { FrenchOf } from './french.ts';
import type { optionsEn } from './options.en.ts';

export const optionsFr: FrenchOf<typeof optionsEn> = {};
