// French texts of an alert refused by the background: the same keys as alert-rules.en.ts.
// French typography: a no-break space (U+00A0) before “:”, a narrow one (U+202F) before ; ! ? and inside « ».
import type { alertRulesEn } from './alert-rules.en.ts';
import type { FrenchOf } from './french.ts';

export const alertRulesFr: FrenchOf<typeof alertRulesEn> = {
  'alertRule.not-object': 'Une alerte doit être un objet.',
  'alertRule.no-id': 'L’alerte n’a pas d’identifiant.',
  'alertRule.symbol': 'La paire doit s’écrire comme BTC/USD.',
  'alertRule.source': 'Le prix utilisé doit être « last » ou « mid ».',
  'alertRule.repeat': 'La répétition doit être unique, ou à chaque fois avec une pause en ms.',
  'alertRule.expiry': 'L’expiration doit être une date, ou aucune.',
  'alertRule.direction': 'Le sens doit être au-dessus ou en dessous.',
  'alertRule.level': 'Le niveau doit être un prix positif, comme 90000,5.',
  'alertRule.rearm-band': 'La marge de réarmement doit être un écart de prix, comme 50.',
  'alertRule.percent': 'La variation doit être supérieure à 0 et d’au plus {max} %.',
  'alertRule.window': {
    one: 'La durée doit être comprise entre {minMinutes} min et {count} jour.',
    many: 'La durée doit être comprise entre {minMinutes} min et {count} de jours.',
    other: 'La durée doit être comprise entre {minMinutes} min et {count} jours.',
  },
  'alertRule.kind': 'Une alerte est soit un franchissement de niveau, soit une variation en %.',
  'alertRule.missing': 'Cette alerte n’existe plus.',
  'alertRule.not-export': 'Ce fichier n’est pas un export d’alertes (du JSON avec une liste « alerts »).',
  'alertRule.not-saved': 'L’alerte n’a pas pu être enregistrée (réponse du navigateur : {words}).',
  'alertRule.item': 'n° {n} : {problem}',
};
