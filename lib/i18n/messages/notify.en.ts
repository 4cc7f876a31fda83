// English texts of notifications (entrypoints/background/notify-text.ts) and the options page’s test notification.
// One file per area so that areas can be translated apart; en.ts gathers them.
export const notifyEn = {
  'notify.alert.above': '{symbol} above {level}',
  'notify.alert.below': '{symbol} below {level}',
  'notify.alert.move': {
    one: '{symbol} moved {percent} within {count} minute',
    other: '{symbol} moved {percent} within {count} minutes',
  },
  'notify.alert.at': '{price} at {time}',
  'notify.alert.atOffline': '{price} at {time}, while offline',
  'notify.alert.open': 'Open on Kraken',
  'notify.alert.snooze': 'Snooze 1 hour',
  'notify.fill.done': 'Order filled',
  'notify.fill.partial': 'Order partly filled',
  'notify.fill.donePaper': 'Paper order filled',
  'notify.fill.partialPaper': 'Paper order partly filled',
  'notify.fill.bought': 'Bought {qty} {base} at {price} {quote} · fee {fee} {feeAsset}',
  'notify.fill.sold': 'Sold {qty} {base} at {price} {quote} · fee {fee} {feeAsset}',
  'notify.autoLock.title': 'Locking in 1 minute',
  'notify.autoLock.message':
    'The vault locks after inactivity, and that turns off the dead man’s switch on your Kraken orders. Open the extension to keep it unlocked.',
  'notify.test.title': 'Trader for Kraken',
  'notify.test.message': 'Alerts will look like this.',
} as const;
