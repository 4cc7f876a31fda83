// An alert rule in words, in the page's language: "BTC/USD above 90000", « BTC/USD au-dessus de 90000 ».
// The background sends the rule, not a sentence (lib/alerts/view.ts): the page writes it.
import type { AlertRule } from '../alerts/rules.ts';
import type { AlertLogEntry } from '../alerts/types.ts';
import { formatAsGiven, formatDecimal, formatPercent } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translate.ts';

export function alertDescription(rule: AlertRule, t: Translate, locale: Locale): string {
  switch (rule.kind) {
    case 'cross':
      return t(rule.direction === 'above' ? 'alerts.rule.above' : 'alerts.rule.below', {
        symbol: rule.symbol,
        level: formatAsGiven(rule.level, locale),
      });
    case 'move':
      return t('alerts.rule.move', {
        symbol: rule.symbol,
        percent: formatAsGiven(String(rule.percent), locale),
        count: Math.round(rule.windowMs / 60_000),
      });
    default: {
      const never: never = rule;
      throw new RangeError(`unknown rule ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A log line in the page's language: "BTC/USD above 90000: 90,012.5 (+5.12%) while offline at 03:10". A rule
 * deleted since leaves the line the log kept (in signs: lib/alerts/view.ts).
 */
export function alertLogLine(
  entry: AlertLogEntry,
  rule: AlertRule | undefined,
  t: Translate,
  locale: Locale,
): string {
  if (!rule) return entry.text;
  const price = formatDecimal(Number.isFinite(entry.price) ? String(entry.price) : '', { locale });
  const move =
    entry.changePct === undefined ? '' : ` (${formatPercent(entry.changePct, locale, { signed: true })})`;
  const time = new Date(entry.at).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const said = { rule: alertDescription(rule, t, locale), price: `${price}${move}`, time };
  return entry.offline ? t('alerts.log.offline', said) : t('alerts.log.at', said);
}
