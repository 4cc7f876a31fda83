// French texts of notifications (entrypoints/background/notify-text.ts): the same keys as notify.en.ts.
// French typography: a no-break space (U+00A0) before “:”, a narrow one (U+202F) before ; ! ? and inside « ».
import type { FrenchOf } from './french.ts';
import type { notifyEn } from './notify.en.ts';

export const notifyFr: FrenchOf<typeof notifyEn> = {
  'notify.alert.above': '{symbol} au-dessus de {level}',
  'notify.alert.below': '{symbol} en dessous de {level}',
  'notify.alert.move': {
    one: '{symbol} a varié de {percent} en {count} minute',
    many: '{symbol} a varié de {percent} en {count} de minutes',
    other: '{symbol} a varié de {percent} en {count} minutes',
  },
  'notify.alert.at': '{price} à {time}',
  'notify.alert.atOffline': '{price} à {time}, hors ligne',
  'notify.alert.open': 'Ouvrir sur Kraken',
  'notify.alert.snooze': 'Mettre en sommeil 1 heure',
  'notify.fill.done': 'Ordre exécuté',
  'notify.fill.partial': 'Ordre exécuté en partie',
  'notify.fill.donePaper': 'Ordre fictif exécuté',
  'notify.fill.partialPaper': 'Ordre fictif exécuté en partie',
  'notify.fill.bought': 'Achat de {qty} {base} à {price} {quote} · frais {fee} {feeAsset}',
  'notify.fill.sold': 'Vente de {qty} {base} à {price} {quote} · frais {fee} {feeAsset}',
  'notify.autoLock.title': 'Verrouillage dans 1 minute',
  'notify.autoLock.message':
    'Le coffre se verrouille après une période d’inactivité, ce qui désactive le dead man’s switch de vos ordres Kraken. Ouvrez l’extension pour le garder déverrouillé.',
  'notify.test.title': 'Trader for Kraken',
  'notify.test.message': 'Les alertes ressembleront à ceci.',
};
