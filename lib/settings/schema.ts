// Settings kept in browser.storage.local (small, versioned; DESIGN.md §4). Pure: parsing and migration only.
import { DEFAULT_WATCHLIST, MAX_WATCHLIST } from './watchlist.ts';

export interface EndpointUrls {
  rest: string;
  wsPublic: string;
  wsPrivate: string | null;
}

export type Endpoints = { kind: 'kraken' } | ({ kind: 'custom' } & EndpointUrls);

/** Kraken's production endpoints (SPEC.md §1.1, §5). */
export const KRAKEN_ENDPOINTS: EndpointUrls = {
  rest: 'https://api.kraken.com',
  wsPublic: 'wss://ws.kraken.com/v2',
  wsPrivate: 'wss://ws-auth.kraken.com/v2',
};

export interface Settings {
  version: 1;
  endpoints: Endpoints;
  watchlist: string[];
  badgePair: string | null;
  /** Lock the vault after this many idle minutes; 0 turns auto-lock off (DESIGN.md §8: on by default). */
  autoLockMinutes: number;
  /** Paper until the person switches to live (live needs a key and an unlocked vault). */
  tradingMode: 'paper' | 'live';
  /** Keep Kraken's cancel_all_orders_after armed while live trading (issue 8). */
  deadManSwitch: boolean;
  /** Play a short sound with each alert notification (an offscreen document; Chrome only). */
  alertSound: boolean;
  /**
   * The fees the paper account charges: Kraken Pro's starter tier, the live account's own tier, or the tier
   * of a 30-day volume (USD) the person picks. Absent in settings saved before it existed: starter.
   */
  paperFees?: 'starter' | 'live' | number;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return {
    version: 1,
    endpoints: { kind: 'kraken' },
    watchlist: [...DEFAULT_WATCHLIST],
    badgePair: 'BTC/USD',
    autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    tradingMode: 'paper',
    deadManSwitch: false,
    alertSound: false,
  };
}

export function endpointUrls(endpoints: Endpoints): EndpointUrls {
  return endpoints.kind === 'kraken'
    ? KRAKEN_ENDPOINTS
    : { rest: endpoints.rest, wsPublic: endpoints.wsPublic, wsPrivate: endpoints.wsPrivate };
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function parseUrl(text: string, field: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SettingsError(field, `“${text}” is not a URL.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new SettingsError(
      field,
      `${field} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`,
    );
  }
  return url.href.replace(/\/$/, '');
}

/**
 * Endpoints for a Kraken-compatible server (the local simulator) from its REST origin, e.g.
 * "http://127.0.0.1:8787". The WebSocket URLs default to the same host: `/v2` (public), `/v2-auth` (private).
 */
export type CustomEndpoints = Extract<Endpoints, { kind: 'custom' }>;

export function customEndpoints(rest: string, wsPublic?: string, wsPrivate?: string | null): CustomEndpoints {
  const restUrl = parseUrl(rest, 'REST URL', ['http:', 'https:']);
  const origin = new URL(restUrl);
  const derivedWs = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}/v2`;
  return {
    kind: 'custom',
    rest: origin.origin,
    wsPublic: wsPublic?.trim() ? parseUrl(wsPublic, 'WebSocket URL', ['ws:', 'wss:']) : derivedWs,
    // The simulator serves the authenticated feed at /v2-auth of the same origin (docs/simulator.md).
    wsPrivate: wsPrivate?.trim()
      ? parseUrl(wsPrivate, 'Private WebSocket URL', ['ws:', 'wss:'])
      : `${derivedWs}-auth`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEndpoints(value: unknown): Endpoints {
  if (!isRecord(value) || value.kind === 'kraken') return { kind: 'kraken' };
  if (value.kind === 'custom' && typeof value.rest === 'string') {
    return customEndpoints(
      value.rest,
      typeof value.wsPublic === 'string' ? value.wsPublic : undefined,
      typeof value.wsPrivate === 'string' ? value.wsPrivate : null,
    );
  }
  throw new SettingsError('endpoints', 'stored endpoints are not understood');
}

export interface ParsedSettings {
  settings: Settings;
  /** What was wrong with the stored value and has been replaced by a default. Empty when all was well. */
  problems: string[];
}

/**
 * Reads stored settings. Missing → defaults. A newer version than this build knows → error (never guess
 * and overwrite a newer profile). A damaged field → that field's default, reported in `problems`.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const defaults = defaultSettings();
  if (raw === undefined || raw === null) return { settings: defaults, problems: [] };
  if (!isRecord(raw)) return { settings: defaults, problems: ['settings were not an object; defaults used'] };
  if (typeof raw.version === 'number' && raw.version > SETTINGS_VERSION) {
    throw new SettingsError(
      'version',
      `Settings were written by a newer version of the extension (v${raw.version}); update the extension.`,
    );
  }
  const problems: string[] = [];
  let endpoints = defaults.endpoints;
  try {
    endpoints = parseEndpoints(raw.endpoints);
  } catch (error) {
    problems.push(`endpoints: ${error instanceof Error ? error.message : String(error)}; Kraken used`);
  }
  let watchlist = defaults.watchlist;
  if (Array.isArray(raw.watchlist) && raw.watchlist.every((s) => typeof s === 'string')) {
    watchlist = [...new Set(raw.watchlist as string[])].slice(0, MAX_WATCHLIST);
  } else if (raw.watchlist !== undefined) {
    problems.push('watchlist was damaged; the default watchlist is used');
  }
  const badgePair =
    typeof raw.badgePair === 'string' && watchlist.includes(raw.badgePair)
      ? raw.badgePair
      : (watchlist[0] ?? null);
  let autoLockMinutes = defaults.autoLockMinutes;
  if (Number.isInteger(raw.autoLockMinutes) && (raw.autoLockMinutes as number) >= 0) {
    autoLockMinutes = raw.autoLockMinutes as number;
  } else if (raw.autoLockMinutes !== undefined) {
    problems.push('auto-lock setting was damaged; 15 minutes is used');
  }
  let tradingMode = defaults.tradingMode;
  if (raw.tradingMode === 'paper' || raw.tradingMode === 'live') tradingMode = raw.tradingMode;
  else if (raw.tradingMode !== undefined) problems.push('trading mode was damaged; paper trading is used');
  let deadManSwitch = defaults.deadManSwitch;
  if (typeof raw.deadManSwitch === 'boolean') deadManSwitch = raw.deadManSwitch;
  else if (raw.deadManSwitch !== undefined) problems.push("dead man's switch setting was damaged; it is off");
  let paperFees: Settings['paperFees'];
  if (raw.paperFees === 'starter' || raw.paperFees === 'live') paperFees = raw.paperFees;
  else if (
    Number.isFinite(raw.paperFees) &&
    (raw.paperFees as number) >= 0 &&
    (raw.paperFees as number) < 1e12
  )
    paperFees = raw.paperFees as number;
  else if (raw.paperFees !== undefined) problems.push('paper fee tier was damaged; the starter tier is used');
  const alertSound = raw.alertSound === true;
  if (raw.alertSound !== undefined && typeof raw.alertSound !== 'boolean')
    problems.push('alert sound setting was damaged; it is off');
  return {
    settings: {
      version: 1,
      endpoints,
      watchlist,
      badgePair,
      autoLockMinutes,
      tradingMode,
      deadManSwitch,
      alertSound,
      ...(paperFees !== undefined ? { paperFees } : {}),
    },
    problems,
  };
}
