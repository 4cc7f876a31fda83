// Kraken's planned maintenance, announced ahead on its status page: status.kraken.com, an Atlassian Statuspage
// site ("Check real-time health and incident history for all Kraken APIs at status.kraken.com",
// https://docs.kraken.com/home/support.md). Its public JSON, `/api/v2/scheduled-maintenances/upcoming.json`,
// lists each announced maintenance with `name`, `status`, `scheduled_for`, `scheduled_until` and the
// `components` it affects. SystemStatus's `upcoming_maintenance` carries only what starts within 72 hours and
// drops an event once it starts (https://docs.kraken.com/api/docs/rest-api/get-system-status), and the WS
// `status` channel only the engine's mode now: the status page is where a maintenance is announced first.
//
// Asked at most every 15 minutes, of the endpoint the extension trades with (a local simulator serves the same
// document), never in the way of trading: any failure is "unknown", said as such.

/** What the Trade tab and the side panel say about announced maintenance. */
export type MaintenanceView =
  /** Not asked yet, or the status page could not be read (or read as expected): nothing is known. */
  | { kind: 'unknown' }
  /** Read: no maintenance that concerns trading is announced. */
  | { kind: 'none' }
  /** The next one that concerns trading (start and end in ms; `url`: its page, when given). */
  | { kind: 'announced'; name: string; start: number; end: number; inProgress: boolean; url?: string };

export const MAINTENANCE_PATH = '/api/v2/scheduled-maintenances/upcoming.json';
export const MAINTENANCE_EVERY_MS = 15 * 60_000;

/**
 * Whether a maintenance concerns trading. The status page also announces each asset's funding gateway
 * ("… Funding", deposits and withdrawals), which leave orders alone: a maintenance counts when one of its
 * components names trading, the API, the engine or the website, or, without components, when its title does.
 */
const TRADING = /trad|spot|margin|api|engine|order|website|kraken pro/i;
const FUNDING_ONLY = /fund|deposit|withdraw/i;

function concernsTrading(name: string, components: readonly string[]): boolean {
  if (components.length > 0) return components.some((c) => TRADING.test(c) && !FUNDING_ONLY.test(c));
  return TRADING.test(name) || !FUNDING_ONLY.test(name);
}

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : undefined;

/** The next maintenance that concerns trading in a status page document, or why none is known. */
export function parseMaintenance(body: unknown, now: number): MaintenanceView {
  const list = (body as { scheduled_maintenances?: unknown } | null)?.scheduled_maintenances;
  if (!Array.isArray(list)) return { kind: 'unknown' };
  let next: Extract<MaintenanceView, { kind: 'announced' }> | undefined;
  for (const item of list.slice(0, 200)) {
    if (item === null || typeof item !== 'object') continue;
    const m = item as Record<string, unknown>;
    const name = text(m.name, 300);
    const start = Date.parse(String(m.scheduled_for ?? ''));
    const end = Date.parse(String(m.scheduled_until ?? ''));
    const status = m.status;
    if (!name || !Number.isFinite(start) || !Number.isFinite(end) || end <= now) continue;
    if (status !== 'scheduled' && status !== 'in_progress' && status !== 'verifying') continue;
    const components = Array.isArray(m.components)
      ? m.components.flatMap((c) => text((c as { name?: unknown } | null)?.name, 200) ?? [])
      : [];
    if (!concernsTrading(name, components)) continue;
    if (next && next.start <= start) continue;
    const url = text(m.shortlink, 300);
    next = {
      kind: 'announced',
      name,
      start,
      end,
      inProgress: status !== 'scheduled',
      ...(url?.startsWith('https://') ? { url } : {}),
    };
  }
  return next ?? { kind: 'none' };
}

export interface MaintenanceWatchDeps {
  fetch: (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;
  now(): number;
  /** The status page's base URL for the endpoint traded with now (lib/settings/endpoints.ts statusPageUrl). */
  base(): string;
  /** The view changed (the Trade tab re-renders). */
  onChange(): void;
  /**
   * Where the last answer is kept across the worker's restarts (MV3 stops an idle worker after 30 s; without it
   * each wake-up would ask again). Whatever it returns is checked before use.
   */
  cache?: { load(): Promise<unknown>; save(value: CachedMaintenance): Promise<void> };
}

export interface CachedMaintenance {
  base: string;
  at: number;
  view: MaintenanceView;
}

/** A cached answer as read back from storage: kept only if it still has the shape written. */
function parseCached(value: unknown): CachedMaintenance | null {
  const v = value as Partial<CachedMaintenance> | null;
  if (!v || typeof v.base !== 'string' || typeof v.at !== 'number' || !Number.isFinite(v.at)) return null;
  const view = v.view as
    | (Partial<Omit<Extract<MaintenanceView, { kind: 'announced' }>, 'kind'>> & { kind?: string })
    | undefined;
  if (view?.kind === 'none' || view?.kind === 'unknown')
    return { base: v.base, at: v.at, view: { kind: view.kind } };
  if (view?.kind !== 'announced' || typeof view.name !== 'string' || view.name.length > 300) return null;
  if (typeof view.start !== 'number' || typeof view.end !== 'number' || typeof view.inProgress !== 'boolean')
    return null;
  const { name, start, end, inProgress } = view;
  const url = typeof view.url === 'string' && view.url.startsWith('https://') ? { url: view.url } : {};
  return { base: v.base, at: v.at, view: { kind: 'announced', name, start, end, inProgress, ...url } };
}

/** The announced maintenance, kept 15 minutes per status page; asked again only once that has passed. */
export function createMaintenanceWatch(deps: MaintenanceWatchDeps) {
  let cached: CachedMaintenance | null = null;
  let asking: string | null = null;
  /** The answer kept by an earlier worker, read once before the first ask. */
  let loaded: Promise<void> | null = null;
  const load = (): Promise<void> =>
    (loaded ??= (deps.cache?.load() ?? Promise.resolve(undefined)).then(
      (value) => {
        cached ??= parseCached(value);
      },
      () => {},
    ));

  async function ask(base: string): Promise<void> {
    asking = base;
    await load();
    if (cached && cached.base === base && deps.now() - cached.at < MAINTENANCE_EVERY_MS) {
      asking = null;
      deps.onChange(); // an earlier worker's answer, still fresh: shown, not asked again
      return;
    }
    let view: MaintenanceView = { kind: 'unknown' };
    try {
      const response = await deps.fetch(`${base}${MAINTENANCE_PATH}`, {
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) view = parseMaintenance(await response.json(), deps.now());
    } catch {
      // Unreachable, refused or not JSON: "unknown", and trading goes on.
    }
    asking = null;
    if (deps.base() !== base) return; // the endpoint changed meanwhile: that one is asked instead
    const changed = JSON.stringify(view) !== JSON.stringify(cached?.view);
    cached = { base, at: deps.now(), view };
    void deps.cache?.save(cached).catch(() => {});
    if (changed) deps.onChange();
  }

  return {
    /** What is known now; asks the status page when nothing fresh is (at most every 15 minutes). */
    view(): MaintenanceView {
      const base = deps.base();
      const fresh = cached && cached.base === base && deps.now() - cached.at < MAINTENANCE_EVERY_MS;
      if (!fresh && asking !== base) void ask(base);
      if (!cached || cached.base !== base) return { kind: 'unknown' };
      // One that has ended since it was read is no longer shown.
      const v = cached.view;
      return v.kind === 'announced' && v.end <= deps.now() ? { kind: 'none' } : v;
    },
  };
}
export type MaintenanceWatch = ReturnType<typeof createMaintenanceWatch>;
