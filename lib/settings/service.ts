// The settings requests the popup and the options page make (watchlist, badge pair, endpoints, alert
// sound), served on the settings store. Services that depend on a setting hear about it through the
// store's change subscription (the market re-subscribes tickers, moves the badge, switches endpoints).
import type { LanguageSetting } from '../i18n/locales.ts';
import { customEndpoints, type Endpoints, type Settings, type ThemeSetting } from './schema.ts';
import { createSettingsStore, type SettingsStorage, type SettingsStoreOptions } from './store.ts';
import { addToWatchlist, moveInWatchlist, notOnWatchlist, removeFromWatchlist } from './watchlist.ts';

export interface SettingsServiceDeps extends SettingsStoreOptions {
  /**
   * What a person typed ("xbtusd", "ETH/BTC") as a listed v2 symbol; throws WatchlistError when Kraken has
   * no such pair. The market knows the pair list (lib/market/instruments.ts).
   */
  resolveSymbol(input: string): string;
}

export function createSettingsService(storage: SettingsStorage, deps: SettingsServiceDeps) {
  const store = createSettingsStore(storage, deps);
  return {
    ...store,

    /** Adds a pair by any Kraken spelling; the first pair on an empty badge becomes the badge pair. */
    async addPair(input: string): Promise<string> {
      const symbol = deps.resolveSymbol(input);
      await store.update((s) => ({
        ...s,
        watchlist: addToWatchlist(s.watchlist, symbol),
        badgePair: s.badgePair ?? symbol,
      }));
      return symbol;
    },

    /** Removes a pair; if it was on the badge, the first remaining pair takes its place. */
    async removePair(symbol: string): Promise<string> {
      await store.update((s) => {
        const watchlist = removeFromWatchlist(s.watchlist, symbol);
        return { ...s, watchlist, badgePair: s.badgePair === symbol ? (watchlist[0] ?? null) : s.badgePair };
      });
      return symbol;
    },

    /** Moves a watched pair to `index` (clamped): the watchlist's own order, kept across restarts. */
    async movePair(symbol: string, index: number): Promise<string[]> {
      const next = await store.update((s) => ({
        ...s,
        watchlist: moveInWatchlist(s.watchlist, symbol, index),
      }));
      return next.watchlist;
    },

    async setBadgePair(symbol: string): Promise<string> {
      await store.update((s) => {
        if (!s.watchlist.includes(symbol)) {
          throw notOnWatchlist(symbol);
        }
        return { ...s, badgePair: symbol };
      });
      return symbol;
    },

    async setEndpoints(endpoints: Endpoints): Promise<Settings> {
      // Re-validate: the payload came over the message boundary. Always a new object, so the market starts
      // from a clean slate even when the same endpoints are saved again (as it did before the split).
      const checked: Endpoints =
        endpoints.kind === 'kraken'
          ? { kind: 'kraken' }
          : customEndpoints(endpoints.rest, endpoints.wsPublic, endpoints.wsPrivate);
      return store.update((s) => ({ ...s, endpoints: checked }));
    },

    setAlertSound(on: boolean): Promise<Settings> {
      return store.update((s) => ({ ...s, alertSound: on }));
    },

    setLanguage(language: LanguageSetting): Promise<Settings> {
      return store.update((s) => ({ ...s, language }));
    },

    setTheme(theme: ThemeSetting): Promise<Settings> {
      return store.update((s) => ({ ...s, theme }));
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
