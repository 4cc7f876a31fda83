// The lines the chart draws over the candles: the person's open orders (draggable: a drop asks to amend the
// order) and their price alerts (draggable: a drop moves the alert). Pure: which lines, where a pointer hits
// one, and the decimal text of a price picked on the chart.
import type { AlertsView } from '../alerts/service.ts';
import type { RuleStatus } from '../alerts/types.ts';
import { formatDecimal } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translate.ts';
import type { OrderView } from '../orders/types.ts';
import { openOrders } from '../ui/trading/format.ts';

export type ChartLine =
  | {
      kind: 'order';
      /** Kraken's order id (or the paper account's). */
      id: string;
      price: number;
      /** The order's own decimal text for that price. */
      priceText: string;
      /** The field a drag amends: the limit price, or the trigger of a stop / take-profit. */
      field: 'limitPrice' | 'triggerPrice';
      side: 'buy' | 'sell';
      label: string;
    }
  | {
      kind: 'alert';
      id: string;
      price: number;
      priceText: string;
      direction: 'above' | 'below';
      label: string;
    };

/** A line's identity across renders (an order and an alert may share an id). */
export const lineKey = (l: ChartLine): string => `${l.kind}:${l.id}`;

/** How the chart names things: the page's words and its way of writing numbers. */
export interface LineWords {
  t: Translate;
  locale: Locale;
}

/** The open orders of `symbol` that rest at a price, one line each (at the trigger when the order has one). */
export function orderLines(
  orders: readonly OrderView[],
  symbol: string,
  { t, locale }: LineWords,
): ChartLine[] {
  return openOrders(orders).flatMap((o): ChartLine[] => {
    if (o.symbol !== symbol) return [];
    const field =
      o.triggerPrice !== undefined ? 'triggerPrice' : o.limitPrice !== undefined ? 'limitPrice' : null;
    const text = field && o[field];
    if (!field || !text || !(Number(text) > 0)) return [];
    const volume = formatDecimal(o.volume, { locale });
    const side = o.side === 'buy' ? t('chart.side.buy') : t('chart.side.sell');
    // A trigger order keeps Kraken's name for its type ("stop-loss"), the words of its trade panel.
    const label =
      field === 'triggerPrice'
        ? `${o.type} ${side} ${volume}`
        : o.side === 'buy'
          ? t('chart.order.buy', { volume })
          : t('chart.order.sell', { volume });
    return [
      {
        kind: 'order',
        id: o.id,
        price: Number(text),
        priceText: text,
        field,
        side: o.side,
        label,
      },
    ];
  });
}

/** An alert line's name: its direction, and its state when it is not simply armed. */
function alertLabel(direction: 'above' | 'below', status: RuleStatus, t: Translate): string {
  const label = direction === 'above' ? t('chart.alert.above') : t('chart.alert.below');
  switch (status) {
    case 'armed':
    case 'done':
      return label;
    case 'paused':
      return t('chart.alert.paused', { label });
    case 'snoozed':
      return t('chart.alert.snoozed', { label });
    case 'waiting-to-rearm':
      return t('chart.alert.rearming', { label });
    default: {
      const never: never = status;
      return String(never);
    }
  }
}

/** The level alerts of `symbol` that can still fire. */
export function alertLines(alerts: AlertsView | undefined, symbol: string, { t }: LineWords): ChartLine[] {
  return (alerts?.rules ?? []).flatMap((v): ChartLine[] => {
    const r = v.rule;
    if (r.kind !== 'cross' || r.symbol !== symbol || v.status === 'done' || !(Number(r.level) > 0)) return [];
    return [
      {
        kind: 'alert',
        id: r.id,
        price: Number(r.level),
        priceText: r.level,
        direction: r.direction,
        label: alertLabel(r.direction, v.status, t),
      },
    ];
  });
}

/** The line within `tolerance` pixels of `y` (the nearest), or null. `toY` is the chart's price scale. */
export function lineAt(
  lines: readonly ChartLine[],
  y: number,
  toY: (price: number) => number | null,
  tolerance = 6,
): ChartLine | null {
  let best: ChartLine | null = null;
  let bestDistance = tolerance + 1;
  for (const l of lines) {
    const ly = toY(l.price);
    if (ly === null) continue;
    const d = Math.abs(ly - y);
    if (d <= tolerance && d < bestDistance) {
      best = l;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A price picked on the chart (a pixel on its scale, so a float) as decimal text at the pair's price decimals,
 * or null when it is not a positive price. The ticket and the background check it like anything typed.
 */
export function pickedPrice(price: number | null, decimals: number): string | null {
  if (price === null || !Number.isFinite(price)) return null;
  const text = price.toFixed(decimals);
  return Number(text) > 0 ? text : null;
}

/** The direction an alert at `level` should watch, seen from the current price: a drop keeps it meaningful. */
export function alertDirection(level: number, last: number | undefined, fallback: 'above' | 'below') {
  if (last === undefined || !Number.isFinite(last) || level === last) return fallback;
  return level > last ? 'above' : 'below';
}
