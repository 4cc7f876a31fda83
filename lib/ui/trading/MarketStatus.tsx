import type { PlainKey } from '../../i18n/translate.ts';
import type { MaintenanceView } from '../../market/maintenance.ts';
import type { RateView, SystemView } from '../../trading/types.ts';
import { useLocale, useT } from '../locale.ts';
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

/**
 * Kraken's next announced maintenance that concerns trading (its status page, lib/market/maintenance.ts): its
 * title and its window in the person's time zone and language. Nothing while none is announced; "unknown",
 * quietly, when the status page could not be read. It never stops an order: the market's status does that.
 */
export function AnnouncedMaintenance({ maintenance }: { maintenance: MaintenanceView | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (!maintenance || maintenance.kind === 'none') return null;
  if (maintenance.kind === 'unknown')
    return (
      <p class="hint maintenance" data-testid="maintenance" data-kind="unknown">
        {t('maintenance.unknown')}
      </p>
    );
  const when = maintenanceWindow(maintenance.start, maintenance.end, locale);
  const key = maintenance.inProgress ? 'maintenance.inProgress' : 'maintenance.announced';
  return (
    <p class="warn maintenance" data-testid="maintenance" data-kind="announced" role="status">
      {t(key, { name: maintenance.name, when })}
      {maintenance.url ? (
        <>
          {' '}
          <a href={maintenance.url} target="_blank" rel="noreferrer noopener">
            {t('maintenance.details')}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** "7 Dec 2026, 02:00 – 04:00" (or across days), in the page's language and the person's time zone. */
export function maintenanceWindow(start: number, end: number, locale: string, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  return format.formatRange(start, end);
}
