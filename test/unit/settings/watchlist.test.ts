import { describe, expect, it } from 'vitest';
import {
  addToWatchlist,
  MAX_WATCHLIST,
  removeFromWatchlist,
  WatchlistError,
} from '../../../lib/settings/watchlist.ts';

describe('watchlist edits', () => {
  it('adds, refuses duplicates and a full list, removes', () => {
    const list = addToWatchlist(['BTC/USD'], 'ETH/USD');
    expect(list).toEqual(['BTC/USD', 'ETH/USD']);
    expect(() => addToWatchlist(list, 'ETH/USD')).toThrow(WatchlistError);
    const full = Array.from({ length: MAX_WATCHLIST }, (_, i) => `P${i}/USD`);
    expect(() => addToWatchlist(full, 'BTC/USD')).toThrowError(expect.objectContaining({ code: 'full' }));
    expect(removeFromWatchlist(list, 'BTC/USD')).toEqual(['ETH/USD']);
    expect(() => removeFromWatchlist(list, 'SOL/USD')).toThrowError(
      expect.objectContaining({ code: 'not-found' }),
    );
  });
});
