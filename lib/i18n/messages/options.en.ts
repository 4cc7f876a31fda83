// English texts of the options page: endpoint, vault, keys, alerts settings, sound (lib/ui/vault, EndpointForm, AlertsSettings, entrypoints/options).
// One file per area so that areas can be translated apart; en.ts gathers them.
export const optionsEn = {} as const;
