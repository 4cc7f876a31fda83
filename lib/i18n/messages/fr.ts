// French. Same keys and placeholders as en.ts (the type checker holds the keys, the catalog test the
// placeholders). French plurals: one (0 and 1, and below 2: 1,5 ordre), many (whole millions: 1 000 000
// d’ordres), other (Intl.PluralRules('fr'), CLDR).
import { alertRulesFr } from './alert-rules.fr.ts';
import { commonFr } from './common.fr.ts';
import type { en } from './en.ts';
import type { FrenchOf } from './french.ts';
import { notifyFr } from './notify.fr.ts';
import { optionsFr } from './options.fr.ts';
import { panelFr } from './panel.fr.ts';
import { popupFr } from './popup.fr.ts';
import { popupTradeFr } from './popup-trade.fr.ts';
import { settingsFr } from './settings.fr.ts';
import { ticketProblemsFr } from './ticket-problems.fr.ts';

export type { FrenchPlural } from './french.ts';
export type FrenchCatalog = FrenchOf<typeof en>;

export const fr: FrenchCatalog = {
  ...popupFr,
  ...popupTradeFr,
  ...ticketProblemsFr,
  ...optionsFr,
  ...panelFr,
  ...notifyFr,
  ...commonFr,
  ...settingsFr,
  ...alertRulesFr,
};
