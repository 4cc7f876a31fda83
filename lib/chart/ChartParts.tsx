// Parts of the chart panel: the colours it reads from the page's theme (and follows when the theme changes),
// the choice offered after a click on the price axis, and the confirmation before an order is amended.
import { useEffect } from 'preact/hooks';
import { formatDecimal } from '../format/number.ts';
import { useLocale, useT } from '../ui/locale.ts';
import { rich } from '../ui/rich.ts';
import type { ChartColors } from './engine.ts';
import type { ChartLine } from './lines.ts';

/** The chart's colours from the page's theme tokens (lib/ui/theme.css, theme-pages.css). */
export function themeColors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--bg', '#12101c'),
    text: v('--muted', '#9a94b8'),
    grid: v('--line', '#2a2642'),
    up: v('--up', '#22c55e'),
    down: v('--down', '#f05252'),
    alert: v('--warn', '#f5b83d'),
  };
}

/** Calls `changed` when the page switches theme (<html data-theme>, lib/ui/theme.ts). */
export function useThemeChanges(changed: () => void): void {
  useEffect(() => {
    const observer = new MutationObserver(changed);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
}

/** After a click on the price axis: that price as the ticket's limit, or as a new alert's level. */
export function AxisPick(props: {
  price: string;
  y: number;
  onPick(kind: 'limit' | 'alert'): void;
  onClose(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const price = formatDecimal(props.price, { locale });
  return (
    <div class="chart-pick" style={{ top: `${props.y}px` }} data-testid="chart-pick">
      <button type="button" data-testid="pick-limit" onClick={() => props.onPick('limit')}>
        {t('chart.pickLimit', { price })}
      </button>
      <button type="button" data-testid="pick-alert" onClick={() => props.onPick('alert')}>
        {t('chart.pickAlert', { price })}
      </button>
      <button type="button" class="link" aria-label={t('chart.close')} onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}

/** Nothing is sent before "Amend order": Kraken amends in place (same id, queue priority where it can). */
export function AmendConfirm(props: {
  line: Extract<ChartLine, { kind: 'order' }>;
  price: string;
  symbol: string;
  sending: boolean;
  onAmend(): void;
  onKeep(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const price = (text: string) => formatDecimal(text, { locale });
  return (
    <div
      class="chart-confirm"
      role="alertdialog"
      aria-label={t('chart.amendTitle')}
      data-testid="amend-confirm"
    >
      <p>
        {rich(t, 'chart.amendText', {
          order: props.line.label,
          symbol: props.symbol,
          from: price(props.line.priceText),
          to: <b>{price(props.price)}</b>,
        })}
      </p>
      <button
        type="button"
        class="primary"
        data-testid="amend-confirm-yes"
        disabled={props.sending}
        onClick={props.onAmend}
      >
        {props.sending ? t('chart.amending') : t('chart.amend')}
      </button>{' '}
      <button type="button" data-testid="amend-confirm-no" disabled={props.sending} onClick={props.onKeep}>
        {t('chart.keep')}
      </button>
    </div>
  );
}
