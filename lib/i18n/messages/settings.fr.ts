// French texts of the language setting, keyboard shortcuts and the address bar: the same keys as settings.en.ts.
import type { FrenchOf } from './french.ts';
import type { settingsEn } from './settings.en.ts';

export const settingsFr: FrenchOf<typeof settingsEn> = {
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
};
