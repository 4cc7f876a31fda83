// An alert rule in words, in the page's language: "BTC/USD above 90000", « BTC/USD au-dessus de 90000 ».
// The background sends the rule, not a sentence (lib/alerts/view.ts): the page writes it.
import type { AlertRule } from '../alerts/rules.ts';
import { formatAsGiven } from '../format/number.ts';
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
