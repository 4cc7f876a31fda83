import { describe, expect, it } from 'vitest';
import { shownPair } from '../../../entrypoints/sidepanel/pair.ts';

describe('the side panel’s pair', () => {
  const list = ['BTC/USD', 'ETH/USD'];
  it('follows the starred pair unless another is pinned', () => {
    expect(shownPair(list, 'ETH/USD', null)).toBe('ETH/USD');
    expect(shownPair(list, 'ETH/USD', 'BTC/USD')).toBe('BTC/USD');
  });
  it('a pin or star that left the watchlist falls back', () => {
    expect(shownPair(list, 'ETH/USD', 'SOL/USD')).toBe('ETH/USD');
    expect(shownPair(list, null, null)).toBe('BTC/USD');
    expect(shownPair([], null, null)).toBeNull();
  });
});
