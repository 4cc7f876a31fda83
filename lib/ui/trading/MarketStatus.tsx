import type { PlainKey } from '../../i18n/translate.ts';
import type { RateView, SystemView } from '../../trading/types.ts';
import { useT } from '../locale.ts';
import { clockTime } from './format.ts';

const SYSTEM_TEXT: Record<string, PlainKey> = {
  maintenance: 'system.maintenance',
  cancel_only: 'system.cancelOnly',
  post_only: 'system.postOnly',
};

/**
 * Kraken's exchange status when it is not online (the `status` channel,
 * https://docs.kraken.com/api/docs/websocket-v2/status), and since when.
 */
export function SystemStatus({ system }: { system: SystemView | undefined }) {
  const t = useT();
  if (!system || system.status === 'online') return null;
  const known = SYSTEM_TEXT[system.status];
  return (
    <p class="warn system-status" data-testid="system-status" data-status={system.status} role="status">
      {known ? t(known) : t('system.other', { status: system.status.replaceAll('_', '-') })}
      {system.since ? ` ${t('system.since', { time: clockTime(system.since) })}` : ''}
    </p>
  );
}

/**
 * Kraken's per-pair trading counter (the executions channel's `ratecounter`) for pairs close to the threshold:
 * above it Kraken refuses new orders, so the extension waits before sending (lib/kraken/ratelimit).
 */
export function RateMeter({ rates }: { rates: readonly RateView[] }) {
  const t = useT();
  if (rates.length === 0) return null;
  return (
    <section class="trading-panel rate-meter" data-testid="rate-meter">
      {rates.map((r) => (
        <p key={r.symbol} class="hint" data-symbol={r.symbol}>
          <meter min={0} max={r.max} low={r.max * 0.5} high={r.max * 0.8} optimum={0} value={r.count} />{' '}
          {t('rates.line', { symbol: r.symbol, n: Math.round(r.count), max: r.max })}
          {r.count >= r.max * 0.8 ? ` ${t('rates.wait')}` : ''}
        </p>
      ))}
    </section>
  );
}
