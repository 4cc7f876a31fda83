import { describe, expect, it } from 'vitest';
import type { PairInfo } from '../../../lib/market/types.ts';
import {
  addToWatchlist,
  MAX_WATCHLIST,
  removeFromWatchlist,
  resolveSymbol,
  WatchlistError,
} from '../../../lib/market/watchlist.ts';

const pair = (symbol: string): [string, PairInfo] => {
  const [base = '', quote = ''] = symbol.split('/');
  return [symbol, { symbol, base, quote, pricePrecision: 2, status: 'online' }];
};
const PAIRS = Object.fromEntries(['BTC/USD', 'ETH/BTC', 'DOGE/USD', 'ADA/EUR'].map(pair));

describe('resolveSymbol', () => {
  it.each([
    ['BTC/USD', 'BTC/USD'],
    [' btc/usd ', 'BTC/USD'],
    ['XBT/USD', 'BTC/USD'],
    ['XBTUSD', 'BTC/USD'],
    ['btcusd', 'BTC/USD'],
    ['ETHXBT', 'ETH/BTC'],
    ['XDG-USD', 'DOGE/USD'],
    ['xdgusd', 'DOGE/USD'],
    ['ada_eur', 'ADA/EUR'],
  ])('%s → %s', (input, symbol) => {
    expect(resolveSymbol(input, PAIRS)).toBe(symbol);
  });

  it.each([['FOO/USD'], ['FOOUSD']])('refuses a pair Kraken does not list: %s', (input) => {
    expect(() => resolveSymbol(input, PAIRS)).toThrowError(expect.objectContaining({ code: 'unknown-pair' }));
  });

  it.each([[''], ['/'], ['BTC/'], ['A/B/C'], ['<script>'], ['BT']])('refuses malformed input %j', (input) => {
    expect(() => resolveSymbol(input, PAIRS)).toThrowError(expect.objectContaining({ code: 'malformed' }));
  });

  it('accepts any well-formed pair while the instrument list is unknown', () => {
    expect(resolveSymbol('ada/usd', {})).toBe('ADA/USD');
  });
});

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
