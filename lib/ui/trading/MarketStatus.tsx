import type { RateView, SystemView } from '../../trading/types.ts';
import { clockTime } from './format.ts';

const SYSTEM_TEXT: Record<string, string> = {
  maintenance: 'Kraken is in maintenance: no new orders (nor cancels) until it ends.',
  cancel_only: 'Kraken is in cancel-only mode: orders can be cancelled, not placed.',
  post_only: 'Kraken takes post-only limit orders only.',
};

/**
 * Kraken's exchange status when it is not online (the `status` channel,
 * https://docs.kraken.com/api/docs/websocket-v2/status), and since when.
 */
export function SystemStatus({ system }: { system: SystemView | undefined }) {
  if (!system || system.status === 'online') return null;
  return (
    <p class="warn system-status" data-testid="system-status" data-status={system.status} role="status">
      {SYSTEM_TEXT[system.status] ?? `Kraken's status: ${system.status.replaceAll('_', '-')}.`}
      {system.since ? ` Since ${clockTime(system.since)}.` : ''}
    </p>
  );
}

/**
 * Kraken's per-pair trading counter (the executions channel's `ratecounter`) for pairs close to the threshold:
 * above it Kraken refuses new orders, so the extension waits before sending (lib/kraken/ratelimit).
 */
export function RateMeter({ rates }: { rates: readonly RateView[] }) {
  if (rates.length === 0) return null;
  return (
    <section class="trading-panel rate-meter" data-testid="rate-meter">
      {rates.map((r) => (
        <p key={r.symbol} class="hint" data-symbol={r.symbol}>
          <meter min={0} max={r.max} low={r.max * 0.5} high={r.max * 0.8} optimum={0} value={r.count} />{' '}
          {r.symbol}: {Math.round(r.count)} of {r.max} on Kraken's order counter
          {r.count >= r.max * 0.8 ? ' — new orders wait until it drains' : ''}
        </p>
      ))}
    </section>
  );
}
