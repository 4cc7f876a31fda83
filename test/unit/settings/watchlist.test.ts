import { describe, expect, it } from 'vitest';
import {
  addToWatchlist,
  MAX_WATCHLIST,
  moveInWatchlist,
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

describe('reordering', () => {
  const list = ['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD'];
  it('moves a pair to a place, clamped to the list, keeping the others in order', () => {
    expect(moveInWatchlist(list, 'SOL/USD', 0)).toEqual(['SOL/USD', 'BTC/USD', 'ETH/USD', 'XRP/USD']);
    expect(moveInWatchlist(list, 'BTC/USD', 1)).toEqual(['ETH/USD', 'BTC/USD', 'SOL/USD', 'XRP/USD']);
    expect(moveInWatchlist(list, 'BTC/USD', 99)).toEqual(['ETH/USD', 'SOL/USD', 'XRP/USD', 'BTC/USD']);
    expect(() => moveInWatchlist(list, 'ADA/USD', 0)).toThrowError(/not on the watchlist/);
  });
});
