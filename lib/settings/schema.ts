// Settings kept in browser.storage.local (small, versioned; DESIGN.md §4). Pure: parsing and migration only.
// What is stored is read as hostile: every field is checked, and a damaged one falls back to its default.
import { isLanguageSetting, type LanguageSetting } from '../i18n/locales.ts';
import { customEndpoints, type Endpoints, SettingsError } from './endpoints.ts';
import { DEFAULT_WATCHLIST, isSymbol, MAX_WATCHLIST } from './watchlist.ts';

export {
  type CustomEndpoints,
  customEndpoints,
  type Endpoints,
  type EndpointUrls,
  endpointUrls,
  isLoopbackUrl,
  KRAKEN_ENDPOINTS,
  LOOPBACK_HOSTS,
  SettingsError,
  statusPageUrl,
} from './endpoints.ts';

/** The pages' colours: the system's light or dark (the default), or one chosen in the options. */
export type ThemeSetting = 'system' | 'light' | 'dark';
export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'light', 'dark'];
export const isThemeSetting = (value: unknown): value is ThemeSetting =>
  typeof value === 'string' && (THEME_SETTINGS as readonly string[]).includes(value);

export interface Settings {
  version: 2;
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
  /** The language of the pages and the address bar: the browser's (`auto`, the default) or a chosen one. */
  language: LanguageSetting;
  /** Light or dark pages, or the system's choice (version 2). */
  theme: ThemeSetting;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 15;
/** The longest auto-lock the options page offers (4 h); a day is the most a setting may say. */
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;

export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return {
    version: 2,
    endpoints: { kind: 'kraken' },
    watchlist: [...DEFAULT_WATCHLIST],
    badgePair: 'BTC/USD',
    autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    tradingMode: 'paper',
    deadManSwitch: false,
    alertSound: false,
    language: 'auto',
    theme: 'system',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEndpoints(value: unknown): Endpoints {
  if (value === undefined || (isRecord(value) && value.kind === 'kraken')) return { kind: 'kraken' };
  if (isRecord(value) && value.kind === 'custom' && typeof value.rest === 'string') {
    return customEndpoints(
      value.rest,
      typeof value.wsPublic === 'string' ? value.wsPublic : undefined,
      typeof value.wsPrivate === 'string' ? value.wsPrivate : null,
    );
  }
  throw new SettingsError('endpoints', 'stored endpoints are not understood');
}

/**
 * Brings a stored record of an older version forward, one step per version, before it is read. Version 1 (and
 * records from before versions were written) had no theme: the pages followed the system, so that is what
 * version 2 says. The next settings write stores the record as version 2.
 */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  const version = typeof raw.version === 'number' ? raw.version : 1;
  if (version < 2) return { ...raw, version: 2, theme: raw.theme === undefined ? 'system' : raw.theme };
  return raw;
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
  return readCurrent(migrateSettings(raw), defaults);
}

/** Reads a record of the current version, field by field. */
function readCurrent(raw: Record<string, unknown>, defaults: Settings): ParsedSettings {
  const problems: string[] = [];
  let endpoints = defaults.endpoints;
  try {
    endpoints = parseEndpoints(raw.endpoints);
  } catch (error) {
    problems.push(`endpoints: ${error instanceof Error ? error.message : String(error)}; Kraken used`);
  }
  let watchlist = defaults.watchlist;
  if (Array.isArray(raw.watchlist)) {
    // Each entry must be a v2 symbol ("BTC/USD"); anything else (a number, markup, a 1 MB string) is dropped.
    const symbols = raw.watchlist.filter(isSymbol);
    if (symbols.length < raw.watchlist.length)
      problems.push('watchlist had damaged entries; they were dropped');
    watchlist = [...new Set(symbols)].slice(0, MAX_WATCHLIST);
  } else if (raw.watchlist !== undefined) {
    problems.push('watchlist was damaged; the default watchlist is used');
  }
  const badgePair =
    typeof raw.badgePair === 'string' && watchlist.includes(raw.badgePair)
      ? raw.badgePair
      : (watchlist[0] ?? null);
  let autoLockMinutes = defaults.autoLockMinutes;
  const minutes = raw.autoLockMinutes;
  if (
    typeof minutes === 'number' &&
    Number.isInteger(minutes) &&
    minutes >= 0 &&
    minutes <= MAX_AUTO_LOCK_MINUTES
  ) {
    autoLockMinutes = minutes;
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
  let language = defaults.language;
  if (isLanguageSetting(raw.language)) language = raw.language;
  else if (raw.language !== undefined) problems.push('language was damaged; the browser’s language is used');
  let theme = defaults.theme;
  if (isThemeSetting(raw.theme)) theme = raw.theme;
  else problems.push('theme was damaged; the system’s theme is used');
  return {
    settings: {
      version: 2,
      endpoints,
      watchlist,
      badgePair,
      autoLockMinutes,
      tradingMode,
      deadManSwitch,
      alertSound,
      language,
      theme,
      ...(paperFees !== undefined ? { paperFees } : {}),
    },
    problems,
  };
}
