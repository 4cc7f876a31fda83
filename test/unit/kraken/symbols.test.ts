import { describe, expect, it } from 'vitest';
import { aggregateBalances } from '../../../lib/kraken/pairs/balances.ts';
import {
  assetSpellings,
  parseBalanceCode,
  restPairName,
  toV2Symbol,
  v1PairName,
  v2Asset,
} from '../../../lib/kraken/pairs/symbols.ts';

const PAIRS = [
  { id: 'XXBTZUSD', altname: 'XBTUSD', wsname: 'XBT/USD', base: 'XXBT', quote: 'ZUSD' },
  { id: 'XETHXXBT', altname: 'ETHXBT', wsname: 'ETH/XBT', base: 'XETH', quote: 'XXBT' },
  { id: 'XDGUSD', altname: 'XDGUSD', wsname: 'XDG/USD', base: 'XXDG', quote: 'ZUSD' },
  { id: 'SOLUSD', altname: 'SOLUSD', wsname: 'SOL/USD', base: 'SOL', quote: 'ZUSD' },
  { id: 'XBTUSDT', altname: 'XBTUSDT', wsname: 'XBT/USDT', base: 'XXBT', quote: 'USDT' },
];

describe('asset names', () => {
  it.each([
    ['XXBT', 'BTC'],
    ['XBT', 'BTC'],
    ['BTC', 'BTC'],
    ['ZUSD', 'USD'],
    ['USD', 'USD'],
    ['XXDG', 'DOGE'],
    ['usdt', 'USDT'],
    ['SOL', 'SOL'],
  ])('%s → %s', (code, v2) => {
    expect(v2Asset(code)).toBe(v2);
  });

  it('lists every spelling of an asset', () => {
    expect(assetSpellings('BTC')).toEqual(['BTC', 'XXBT', 'XBT']);
    expect(assetSpellings('USD')).toEqual(['USD', 'ZUSD']);
    expect(assetSpellings('SOL')).toEqual(['SOL']);
  });

  it.each([
    ['XBT.F', 'BTC', 'F'],
    ['ETH2.S', 'ETH2', 'S'],
    ['USD.M', 'USD', 'M'],
    ['USDT.B', 'USDT', 'B'],
    ['AAPLx.T', 'AAPLX', 'T'],
    ['ZUSD', 'USD', undefined],
  ])('balance code %s → %s (suffix %s)', (code, asset, suffix) => {
    expect(parseBalanceCode(code)).toEqual(suffix ? { asset, suffix } : { asset });
  });
});

describe('pair names', () => {
  it.each([
    ['BTC/USD', 'BTC/USD'],
    ['XBT/USD', 'BTC/USD'],
    ['XBTUSD', 'BTC/USD'],
    ['XXBTZUSD', 'BTC/USD'],
    ['btc-usd', 'BTC/USD'],
    ['xbtusd', 'BTC/USD'],
    ['ETHXBT', 'ETH/BTC'],
    ['XETHXXBT', 'ETH/BTC'],
    ['ETH/XBT', 'ETH/BTC'],
    ['XDGUSD', 'DOGE/USD'],
    ['DOGEUSD', 'DOGE/USD'],
    ['SOLUSD', 'SOL/USD'],
    ['XBTUSDT', 'BTC/USDT'],
  ])('with the pair list: %s → %s', (input, symbol) => {
    expect(toV2Symbol(input, PAIRS)).toBe(symbol);
  });

  it.each([
    ['XBTUSD', 'BTC/USD'],
    ['XXBTZUSD', 'BTC/USD'],
    ['XETHZEUR', 'ETH/EUR'],
    ['SOLUSD', 'SOL/USD'],
    ['ETHUSDT', 'ETH/USDT'],
    ['ADA/EUR', 'ADA/EUR'],
  ])('by rule, without a pair list: %s → %s', (input, symbol) => {
    expect(toV2Symbol(input)).toBe(symbol);
  });

  it.each([['FOOUSD'], ['BTC/'], ['A/B/C'], ['<script>'], ['']])(
    'does not guess %j with a pair list',
    (input) => {
      expect(toV2Symbol(input, PAIRS)).toBeUndefined();
    },
  );

  it('maps v2 symbols back to REST altnames and v1 names', () => {
    expect(restPairName('BTC/USD')).toBe('XBTUSD');
    expect(restPairName('DOGE/USD')).toBe('XDGUSD');
    expect(restPairName('SOL/USD')).toBe('SOLUSD');
    expect(v1PairName('BTC/USD')).toBe('XBT/USD');
  });
});

describe('aggregateBalances', () => {
  it("sums Kraken's reward balances into their asset exactly, tradable = the plain balance", () => {
    // Shape of the official Balance example (SPEC.md §1.3).
    const out = aggregateBalances({
      ZUSD: '171288.6158',
      'USD.M': '1213029.2780',
      XXBT: '1011.1908877900',
      'XBT.F': '0.1000000001',
      'ETH2.S': '198.3970800000',
    });
    expect(out.USD).toMatchObject({ total: '1384317.8938', tradable: '171288.6158' });
    expect(out.BTC).toMatchObject({ total: '1011.2908877901', tradable: '1011.1908877900' });
    expect(out.BTC?.parts.map((p) => p.code)).toEqual(['XXBT', 'XBT.F']);
    expect(out.ETH2).toMatchObject({ total: '198.3970800000', tradable: '0' });
  });
});
