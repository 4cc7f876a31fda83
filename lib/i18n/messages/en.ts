// English: the reference catalog. Every key here must be in every other catalog with the same placeholders
// (the type checker holds the keys, test/unit/i18n/catalogs.test.ts the placeholders and plural forms).
// A plural entry has one text per plural category of the language (Intl.PluralRules: English one / other)
// and takes a {count}. Strings are moved here as the pages are translated (issue 20): the popup and most of
// the options page are still English in their components.

import { notifyEn } from './notify.en.ts';
import { optionsEn } from './options.en.ts';
import { panelEn } from './panel.en.ts';
import { popupEn } from './popup.en.ts';

export const en = {
  ...popupEn,
  ...optionsEn,
  ...panelEn,
  ...notifyEn,
  'language.title': 'Language',
  'language.label': 'Language of the extension',
  'language.auto': 'Same as the browser ({language})',
  'language.name.en': 'English',
  'language.name.fr': 'French (Français)',
  'language.saved': 'Saved.',

  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.intro': 'Your browser keeps them: set or change them in its shortcut settings.',
  'shortcuts.command.openPopup': 'Open the popup',
  'shortcuts.command.sidePanel': 'Open the side panel',
  'shortcuts.command.focusTicket': 'Trade the starred pair (the order ticket, ready to type)',
  'shortcuts.notSet': 'not set',
  'shortcuts.noSidePanel': 'does nothing until this version has a side panel',
  'shortcuts.manage': 'Change the shortcuts',
  'shortcuts.where.chrome': 'In Chrome: chrome://extensions/shortcuts',
  'shortcuts.where.firefox': 'In Firefox: Add-ons and themes → ⚙ → Manage Extension Shortcuts',

  'omnibox.title': 'Address bar',
  'omnibox.help': 'Type kr and a space in the address bar, then:',
  'omnibox.example.pair': 'btc: the BTC pairs with their prices',
  'omnibox.example.buy': 'buy 0.01 btc 60000: the order ticket filled in (no price: at market)',
  'omnibox.example.alert': 'alert btc > 100000: the alert form filled in',
  'omnibox.default': 'Trader for Kraken: a coin (btc), buy 0.01 btc 60000, sell 0.5 eth, alert btc > 100000',
  'omnibox.pair': '{symbol} {price} ({change}): open the ticket',
  'omnibox.pairNoPrice': '{symbol}: not on your watchlist, opening the ticket adds it',
  'omnibox.morePairs': {
    one: '…and {count} more pair: type it in full (btc/eur)',
    other: '…and {count} more pairs: type one in full (btc/eur)',
  },
  'omnibox.order.limit':
    '{side} {amount} {base} at {price} {quote} (limit, {symbol}): opens the ticket to check and confirm',
  'omnibox.order.market':
    '{side} {amount} {base} at market ({symbol}): opens the ticket to check and confirm',
  'omnibox.side.buy': 'Buy',
  'omnibox.side.sell': 'Sell',
  'omnibox.alert': 'Alert when {symbol} crosses {direction} {level}: opens the alert form',
  'omnibox.direction.above': 'above',
  'omnibox.direction.below': 'below',
  'omnibox.error.noPairs': 'Kraken’s pair list has not arrived yet: try again in a moment.',
  'omnibox.error.unknownMarket': 'Kraken lists no pair for “{text}”.',
  'omnibox.error.amount': 'The amount: {problem}',
  'omnibox.error.price': 'The price: {problem}',
  'omnibox.error.level': 'The level: {problem}',
  'omnibox.error.zero': 'it must be above zero.',
  'omnibox.error.order': 'Write: buy 0.01 btc 60000 (without a price: at market).',
  'omnibox.error.alert': 'Write: alert btc > 100000 (or < for a fall).',
  'omnibox.error.unknown': '“{text}” is not understood.',

  'launch.order':
    'From the address bar: check the order, then preview and confirm it. Nothing is sent before.',
  'launch.alert': 'From the address bar: check the alert, then create it.',
  'launch.noPair': 'Add a pair to the watchlist first: the ticket trades the starred pair.',
  'launch.failed': 'The address bar’s request could not be opened: {reason}',

  'number.empty': 'Enter a number.',
  'number.grouping': 'Write the number without thousands separators: 1000, not 1,000 or 1 000.',
  'number.ambiguous':
    '“{text}” could be read as thousands or as decimals. Write 1000 for a thousand; decimals take a point (1.5).',
  'number.wrongSeparator': 'Decimals take a point in English: 0.5, not 0,5.',
  'number.incomplete': 'Add the digits after the point, or remove the point.',
  'number.sign': 'Enter the number without a sign.',
  'number.exponent': 'Write the number in full, without an exponent (e).',
  'number.invalid': 'Use digits only, with a point for decimals.',
} as const;
