// What each notification says, in the person's language (the language setting; the browser's when it says
// `auto`, as the pages do: lib/i18n/locales.ts). Pure, so every sentence is tested without a browser; the
// numbers go through the one formatter (lib/format/number.ts).
import type { AlertRule } from '../../lib/alerts/rules.ts';
import type { AlertLogEntry } from '../../lib/alerts/types.ts';
import { formatDecimal, formatPercent } from '../../lib/format/number.ts';
import { type LanguageSetting, type Locale, resolveLocale } from '../../lib/i18n/locales.ts';
// The background speaks both languages, whatever the setting says at the time: all of them, loaded at once.
import '../../lib/i18n/all.ts';
import { type Translate, translator } from '../../lib/i18n/translate.ts';
import type { FillView } from '../../lib/orders/types.ts';
import type { TradingMode } from '../../lib/trading/types.ts';

export interface Speaker {
  t: Translate;
  locale: Locale;
}

export function speakerOf(setting: LanguageSetting, browserLanguages: readonly string[]): Speaker {
  const locale = resolveLocale(setting, browserLanguages);
  return { t: translator(locale), locale };
}

export interface NotificationText {
  title: string;
  message: string;
}

/** A price seen as a number (a tick), written the locale's way without inventing digits. */
const tickPrice = (price: number, locale: Locale) =>
  formatDecimal(Number.isFinite(price) ? String(price) : '', { locale });
const clock = (at: number, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);

/**
 * "BTC/USD above 100,000" / "103,512.5 at 14:02"; a % move says its size and window. A rule removed before its
 * firing was shown (a worker restart in between: lib/alerts/outbox.ts) leaves the words the log kept.
 */
export function alertText(
  entry: AlertLogEntry,
  rule: AlertRule | undefined,
  { t, locale }: Speaker,
): NotificationText {
  if (!rule) {
    const [title = entry.text, message = ''] = entry.text.split(': ');
    return { title, message };
  }
  let title: string;
  switch (rule.kind) {
    case 'cross': {
      const level = formatDecimal(rule.level, { locale });
      title =
        rule.direction === 'above'
          ? t('notify.alert.above', { symbol: rule.symbol, level })
          : t('notify.alert.below', { symbol: rule.symbol, level });
      break;
    }
    case 'move':
      title = t('notify.alert.move', {
        symbol: rule.symbol,
        percent: formatPercent(rule.percent, locale),
        count: Math.round(rule.windowMs / 60_000),
      });
      break;
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(never)}`);
    }
  }
  const shown = tickPrice(entry.price, locale);
  const price =
    entry.changePct === undefined
      ? shown
      : `${shown} (${formatPercent(entry.changePct, locale, { signed: true })})`;
  const time = clock(entry.at, locale);
  const message = entry.offline
    ? t('notify.alert.atOffline', { price, time })
    : t('notify.alert.at', { price, time });
  return { title, message };
}

/** The alert's two buttons (Chrome), in the order notifications.onButtonClicked reports them. */
export const alertButtons = ({ t }: Speaker): [string, string] => [
  t('notify.alert.open'),
  t('notify.alert.snooze'),
];

/** One fill: what was bought or sold, at what price, and the fee; paper fills say so in the title. */
export function fillText(fill: FillView, mode: TradingMode, { t, locale }: Speaker): NotificationText {
  const paper = mode === 'paper';
  const title = fill.complete
    ? t(paper ? 'notify.fill.donePaper' : 'notify.fill.done')
    : t(paper ? 'notify.fill.partialPaper' : 'notify.fill.partial');
  const [base = '', quote = ''] = fill.symbol.split('/');
  const params = {
    qty: formatDecimal(fill.qty, { locale }),
    base,
    price: formatDecimal(fill.price, { locale }),
    quote,
    fee: formatDecimal(fill.fee, { locale }),
    feeAsset: fill.feeAsset,
  };
  return {
    title,
    message: fill.side === 'buy' ? t('notify.fill.bought', params) : t('notify.fill.sold', params),
  };
}

export const autoLockText = ({ t }: Speaker): NotificationText => ({
  title: t('notify.autoLock.title'),
  message: t('notify.autoLock.message'),
});

export const testText = ({ t }: Speaker): NotificationText => ({
  title: t('notify.test.title'),
  message: t('notify.test.message'),
});
