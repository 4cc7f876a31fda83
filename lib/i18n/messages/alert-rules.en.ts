// English texts of an alert refused by the background (lib/alerts/rule-error.ts, said by lib/ui/alert-rule-text.ts):
// an area of their own, loaded with the alert form (a lazy chunk of the popup and the side panel) and by the
// options page (its import), so the popup's first chunk does not carry them (bench row popup-js).

export const alertRulesEn = {
  'alertRule.not-object': 'An alert must be an object.',
  'alertRule.no-id': 'The alert has no id.',
  'alertRule.symbol': 'The pair must look like BTC/USD.',
  'alertRule.source': 'The price used must be "last" or "mid".',
  'alertRule.repeat': 'Repeat must be once, or every time with a pause in ms.',
  'alertRule.expiry': 'The expiry must be a time, or none.',
  'alertRule.direction': 'The direction must be above or below.',
  'alertRule.level': 'The level must be a positive price such as 90000.5.',
  'alertRule.rearm-band': 'The re-arm band must be a price distance such as 50.',
  'alertRule.percent': 'The move must be more than 0 and at most {max} %.',
  'alertRule.window': {
    one: 'The window must be between {minMinutes} min and {count} day.',
    other: 'The window must be between {minMinutes} min and {count} days.',
  },
  'alertRule.kind': 'An alert is either a level cross or a % move.',
  'alertRule.missing': 'That alert no longer exists.',
  'alertRule.not-export': 'This is not an alerts export (JSON with an "alerts" list).',
  'alertRule.not-saved': 'The alert could not be saved (the browser said: {words}).',
  /** One refused item of an import: its number in the file, then why. */
  'alertRule.item': '#{n}: {problem}',
} as const;
