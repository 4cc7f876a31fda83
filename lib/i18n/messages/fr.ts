// French. Same keys and placeholders as en.ts (the type checker holds the keys, the catalog test the
// placeholders). French plurals: one (0 and 1, and below 2: 1,5 ordre), many (whole millions: 1 000 000
// d’ordres), other (Intl.PluralRules('fr'), CLDR).
import type { en } from './en.ts';
import type { FrenchOf } from './french.ts';
import { notifyFr } from './notify.fr.ts';
import { optionsFr } from './options.fr.ts';
import { panelFr } from './panel.fr.ts';
import { popupFr } from './popup.fr.ts';

export type { FrenchPlural } from './french.ts';
export type FrenchCatalog = FrenchOf<typeof en>;

export const fr: FrenchCatalog = {
  ...popupFr,
  ...optionsFr,
  ...panelFr,
  ...notifyFr,
  'language.title': 'Langue',
  'language.label': 'Langue de l’extension',
  'language.auto': 'Celle du navigateur ({language})',
  'language.name.en': 'Anglais (English)',
  'language.name.fr': 'Français',
  'language.saved': 'Enregistré.',

  'shortcuts.title': 'Raccourcis clavier',
  'shortcuts.intro':
    'Votre navigateur les gère : définissez-les ou changez-les dans ses réglages de raccourcis.',
  'shortcuts.command.openPopup': 'Ouvrir la fenêtre',
  'shortcuts.command.sidePanel': 'Ouvrir le panneau latéral',
  'shortcuts.command.focusTicket': 'Trader la paire étoilée (le bon d’ordre, prêt à la saisie)',
  'shortcuts.notSet': 'non défini',
  'shortcuts.noSidePanel': 'sans effet tant que cette version n’a pas de panneau latéral',
  'shortcuts.manage': 'Changer les raccourcis',
  'shortcuts.where.chrome': 'Dans Chrome : chrome://extensions/shortcuts',
  'shortcuts.where.firefox':
    'Dans Firefox : Modules complémentaires et thèmes → ⚙ → Gérer les raccourcis d’extensions',

  'omnibox.title': 'Barre d’adresse',
  'omnibox.help': 'Tapez kr et une espace dans la barre d’adresse, puis :',
  'omnibox.example.pair': 'btc : les paires BTC et leurs cours',
  'omnibox.example.buy': 'achat 0,01 btc 60000 : le bon d’ordre rempli (sans prix : au marché)',
  'omnibox.example.alert': 'alerte btc > 100000 : le formulaire d’alerte rempli',
  'omnibox.default':
    'Trader for Kraken : une crypto (btc), achat 0,01 btc 60000, vente 0,5 eth, alerte btc > 100000',
  'omnibox.pair': '{symbol} {price} ({change}) : ouvrir le bon d’ordre',
  'omnibox.pairNoPrice': '{symbol} : hors de votre liste, ouvrir le bon d’ordre l’y ajoute',
  'omnibox.morePairs': {
    one: '… et {count} autre paire : tapez-la en entier (btc/eur)',
    many: '… et {count} d’autres paires : tapez-en une en entier (btc/eur)',
    other: '… et {count} autres paires : tapez-en une en entier (btc/eur)',
  },
  'omnibox.order.limit':
    '{side} {amount} {base} à {price} {quote} (limite, {symbol}) : ouvre le bon d’ordre pour vérifier et confirmer',
  'omnibox.order.market':
    '{side} {amount} {base} au marché ({symbol}) : ouvre le bon d’ordre pour vérifier et confirmer',
  'omnibox.side.buy': 'Acheter',
  'omnibox.side.sell': 'Vendre',
  'omnibox.alert': 'Alerte quand {symbol} passe {direction} {level} : ouvre le formulaire d’alerte',
  'omnibox.direction.above': 'au-dessus de',
  'omnibox.direction.below': 'en dessous de',
  'omnibox.error.noPairs':
    'La liste des paires de Kraken n’est pas encore arrivée : réessayez dans un instant.',
  'omnibox.error.unknownMarket': 'Kraken ne liste aucune paire pour « {text} ».',
  'omnibox.error.amount': 'La quantité : {problem}',
  'omnibox.error.price': 'Le prix : {problem}',
  'omnibox.error.level': 'Le niveau : {problem}',
  'omnibox.error.zero': 'elle doit être supérieure à zéro.',
  'omnibox.error.order': 'Écrivez : achat 0,01 btc 60000 (sans prix : au marché).',
  'omnibox.error.alert': 'Écrivez : alerte btc > 100000 (ou < pour une baisse).',
  'omnibox.error.unknown': '« {text} » n’est pas compris.',

  'launch.order':
    'Depuis la barre d’adresse : vérifiez l’ordre, puis prévisualisez-le et confirmez-le. Rien n’est envoyé avant.',
  'launch.alert': 'Depuis la barre d’adresse : vérifiez l’alerte, puis créez-la.',
  'launch.noPair': 'Ajoutez d’abord une paire à la liste : le bon d’ordre trade la paire étoilée.',
  'launch.failed': 'La demande de la barre d’adresse n’a pas pu être ouverte : {reason}',

  'number.empty': 'Saisissez un nombre.',
  'number.grouping': 'Écrivez le nombre sans séparateur de milliers : 1000, et non 1 000 ou 1.000.',
  'number.ambiguous':
    '« {text} » peut se lire en milliers ou en décimales. Écrivez 1000 pour mille ; pour trois décimales, ajoutez un zéro (1,0050).',
  'number.wrongSeparator': 'En français, les décimales prennent une virgule : 0,5 et non 0.5.',
  'number.incomplete': 'Ajoutez les chiffres après la virgule, ou retirez la virgule.',
  'number.sign': 'Saisissez le nombre sans signe.',
  'number.exponent': 'Écrivez le nombre en entier, sans exposant (e).',
  'number.invalid': 'Utilisez uniquement des chiffres, avec une virgule pour les décimales.',
};
