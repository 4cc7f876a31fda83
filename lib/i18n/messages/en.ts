// English: the reference catalog. Every key here must be in every other catalog with the same placeholders
// (the type checker holds the keys, test/unit/i18n/catalogs.test.ts the placeholders and plural forms).
// A plural entry has one text per plural category of the language (Intl.PluralRules: English one / other)
// and takes a {count}. One file per area (lib/i18n/areas.ts): a page loads only its areas, in its language.

import { alertRulesEn } from './alert-rules.en.ts';
import { commonEn } from './common.en.ts';
import { notifyEn } from './notify.en.ts';
import { optionsEn } from './options.en.ts';
import { panelEn } from './panel.en.ts';
import { popupEn } from './popup.en.ts';
import { popupTradeEn } from './popup-trade.en.ts';
import { settingsEn } from './settings.en.ts';
import { ticketProblemsEn } from './ticket-problems.en.ts';

export const en = {
  ...popupEn,
  ...popupTradeEn,
  ...ticketProblemsEn,
  ...optionsEn,
  ...panelEn,
  ...notifyEn,
  ...commonEn,
  ...settingsEn,
  ...alertRulesEn,
} as const;
