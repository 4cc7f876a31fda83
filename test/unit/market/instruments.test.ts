import { describe, expect, it } from 'vitest';
import type { ChannelMessage, InstrumentPair } from '../../../lib/kraken/index.ts';
import { createInstruments, resolveSymbol } from '../../../lib/market/instruments.ts';

const PAIRS = new Set(['BTC/USD', 'ETH/BTC', 'DOGE/USD', 'ADA/EUR']);

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
    expect(resolveSymbol('ada/usd', new Set())).toBe('ADA/USD');
  });
});

function instrument(symbol: string, pricePrecision = 2): InstrumentPair {
  const [base = '', quote = ''] = symbol.split('/');
  return {
    symbol,
    base,
    quote,
    status: 'online',
    qty_precision: 8,
    qty_increment: 1e-8,
    price_precision: pricePrecision,
    price_increment: 10 ** -pricePrecision,
    cost_precision: 5,
    cost_min: 0.5,
    qty_min: 0.0001,
  };
}

const message = (
  type: 'snapshot' | 'update',
  pairs: InstrumentPair[],
): ChannelMessage & { channel: 'instrument' } => ({
  channel: 'instrument',
  type,
  data: { assets: [], pairs },
});

describe('instruments', () => {
  it('a snapshot replaces the list, an update adds to it; rules come from the listed pair', () => {
    const instruments = createInstruments();
    instruments.apply(message('snapshot', [instrument('BTC/USD', 1), instrument('ETH/USD')]));
    instruments.apply(message('update', [instrument('SOL/USD')]));
    expect(Object.keys(instruments.pairs())).toEqual(['BTC/USD', 'ETH/USD', 'SOL/USD']);
    expect(instruments.pairs()['BTC/USD']).toEqual({
      symbol: 'BTC/USD',
      base: 'BTC',
      quote: 'USD',
      pricePrecision: 1,
      status: 'online',
    });
    expect(instruments.rulesFor('BTC/USD')).toMatchObject({
      pairDecimals: 1,
      lotDecimals: 8,
      ordermin: '0.00010000',
    });
    instruments.apply(message('snapshot', [instrument('ETH/USD')]));
    expect(Object.keys(instruments.pairs())).toEqual(['ETH/USD']);
    expect(instruments.rulesFor('BTC/USD')).toBeUndefined();
  });

  it('knows nothing about names that happen to be Object.prototype keys', () => {
    const instruments = createInstruments();
    instruments.apply(message('snapshot', [instrument('BTC/USD')]));
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(instruments.rulesFor(key)).toBeUndefined();
      expect(instruments.info(key)).toBeUndefined();
    }
  });

  it('keeps a pair literally named "__proto__" as data, not as a prototype', () => {
    const instruments = createInstruments();
    instruments.apply(message('snapshot', [instrument('__proto__'), instrument('BTC/USD')]));
    expect(instruments.info('__proto__')?.symbol).toBe('__proto__');
    expect(Object.getPrototypeOf(instruments.pairs())).toBe(Object.prototype);
    expect(Object.keys(instruments.pairs())).toEqual(['__proto__', 'BTC/USD']);
  });

  it('resolves typed input against the listed pairs; an endpoint switch forgets the list until the next', () => {
    const instruments = createInstruments();
    instruments.apply(message('snapshot', [instrument('BTC/USD')]));
    expect(instruments.resolve('xbtusd')).toBe('BTC/USD');
    expect(() => instruments.resolve('ETH/USD')).toThrow('Kraken has no ETH/USD pair.');
    instruments.forgetList();
    expect(instruments.pairs()).toEqual({});
    expect(instruments.resolve('ETH/USD')).toBe('ETH/USD'); // any well-formed pair while the list is unknown
    // The rules stay until the new list replaces them (as before the split).
    expect(instruments.rulesFor('BTC/USD')).toBeDefined();
  });
});
