// What the address bar shows and opens for each command, against a market with many BTC pairs.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translate.ts';
import { parseOmnibox } from '../../../lib/launch/omnibox-parse.ts';
import { answer, entered, type MarketView, matchPairs } from '../../../lib/launch/omnibox-suggest.ts';
import type { PairInfo, Tick } from '../../../lib/market/types.ts';

const pair = (symbol: string, pricePrecision = 1): PairInfo => {
  const [base = '', quote = ''] = symbol.split('/');
  return { symbol, base, quote, pricePrecision, status: 'online' };
};
const tick = (symbol: string, last: number, changePct: number): Tick => ({
  symbol,
  last,
  bid: last,
  ask: last,
  change: 0,
  changePct,
  high: last,
  low: last,
  volume: 1,
  receivedAt: 0,
});
const SYMBOLS = [
  'BTC/USD',
  'BTC/EUR',
  'BTC/USDT',
  'BTC/GBP',
  'BTC/CAD',
  'BTC/JPY',
  'BTC/CHF',
  'BTC/AUD',
  'BTC/AED',
  'ETH/USD',
  'ETH/BTC',
  'SOL/USD',
  'DOGE/USD',
];
const market: MarketView = {
  pairs: Object.fromEntries(SYMBOLS.map((s) => [s, pair(s, s.startsWith('DOGE') ? 5 : 1)])),
  watchlist: ['ETH/USD', 'BTC/EUR', 'BTC/USD'],
  ticks: {
    'BTC/USD': tick('BTC/USD', 97123.4, 1.234),
    'BTC/EUR': tick('BTC/EUR', 90001, -0.5),
    'ETH/USD': tick('ETH/USD', 3412.1, 0),
  },
};
const en = translator('en');
const fr = translator('fr');

describe('matchPairs', () => {
  it('lists a coin’s pairs: the watchlist’s in its order, then USD, EUR, USDT…, then by name', () => {
    expect(matchPairs('btc', market)).toEqual([
      'BTC/EUR',
      'BTC/USD',
      'BTC/USDT',
      'BTC/GBP',
      'BTC/CAD',
      'BTC/JPY',
      'BTC/CHF',
      'BTC/AUD',
      'BTC/AED',
    ]);
  });

  it('with quoted pairs, lists the pairs priced in the coin after its own (kr btc lists ETH/BTC last)', () => {
    expect(matchPairs('btc', market, { quoted: true }).slice(-2)).toEqual(['BTC/AED', 'ETH/BTC']);
    expect(matchPairs('btc', market)).not.toContain('ETH/BTC');
  });

  it.each([
    ['xbt', 'BTC/EUR'],
    ['btc/usdt', 'BTC/USDT'],
    ['XBT-USD', 'BTC/USD'],
    ['xbtusd', 'BTC/USD'],
    ['xdgusd', 'DOGE/USD'],
    ['eth', 'ETH/USD'],
  ])('%j names %s first', (query, symbol) => {
    expect(matchPairs(query, market)[0]).toBe(symbol);
  });

  it.each(['btc/xyz', 'nope', 'constructor', '__proto__', 'usd'])('%j names no pair', (query) => {
    expect(matchPairs(query, market)).toEqual([]);
  });
});

describe('answer', () => {
  it('kr btc: the BTC pairs with live prices where the watchlist has them, and how many more', () => {
    const a = answer(parseOmnibox('btc', 'en'), market, en, 'en');
    expect(a.heading).toBe(
      'BTC/EUR 90,001.0 (-0.5%): open the ticket …and 5 more pairs: type one in full (btc/eur)',
    );
    expect(a.suggestions).toEqual([
      { content: 'BTC/EUR', description: 'BTC/EUR 90,001.0 (-0.5%): open the ticket' },
      { content: 'BTC/USD', description: 'BTC/USD 97,123.4 (+1.23%): open the ticket' },
      { content: 'BTC/USDT', description: 'BTC/USDT: not on your watchlist, opening the ticket adds it' },
      { content: 'BTC/GBP', description: 'BTC/GBP: not on your watchlist, opening the ticket adds it' },
      { content: 'BTC/CAD', description: 'BTC/CAD: not on your watchlist, opening the ticket adds it' },
    ]);
  });

  it('in French: French numbers, French plural', () => {
    const a = answer(parseOmnibox('btc/usd', 'fr'), market, fr, 'fr');
    expect(a.heading).toBe('BTC/USD 97\u202f123,4 (+1,23\u00a0%) : ouvrir le bon d’ordre');
    const more = answer(parseOmnibox('btc', 'fr'), market, fr, 'fr').heading;
    expect(more).toMatch(/… et 5 autres paires : tapez-en une en entier \(btc\/eur\)$/);
  });

  it('kr buy …: says what opens, at market or at a limit, in the person’s numbers', () => {
    expect(answer(parseOmnibox('buy 0.01 btc 60000', 'en'), market, en, 'en').heading).toBe(
      'Buy 0.01 BTC at 60000 EUR (limit, BTC/EUR): opens the ticket to check and confirm',
    );
    expect(answer(parseOmnibox('vente 0,5 eth', 'fr'), market, fr, 'fr').heading).toBe(
      'Vendre 0,5 ETH au marché (ETH/USD) : ouvre le bon d’ordre pour vérifier et confirmer',
    );
  });

  it('kr alert …: says which alert opens', () => {
    expect(answer(parseOmnibox('alert btc/usd > 100000', 'en'), market, en, 'en').heading).toBe(
      'Alert when BTC/USD crosses above 100000: opens the alert form',
    );
  });

  it.each([
    ['buy 0.01 btc 60,000', /^The price: “60,000” could be read as thousands.*Write: buy 0\.01 btc 60000/],
    ['buy 0 btc', /^The amount: it must be above zero\. Write: buy 0\.01 btc 60000/],
    ['buy btc', /^Write: buy 0\.01 btc 60000 \(without a price: at market\)\.$/],
    ['alert btc 5', /^Write: alert btc > 100000/],
    ['hello world', /^“hello world” is not understood\. Trader for Kraken: a coin \(btc\)/],
    ['buy 1 xyz', /^Kraken lists no pair for “xyz”\.$/],
    ['', /^Trader for Kraken: a coin \(btc\), buy 0\.01 btc 60000/],
  ])('%j: explains the syntax (%s)', (text, heading) => {
    const a = answer(parseOmnibox(text, 'en'), market, en, 'en');
    expect(a.heading).toMatch(heading);
    expect(a.suggestions).toEqual([]);
  });

  it('before Kraken’s pair list arrives: says so rather than “no such pair”', () => {
    const empty = { pairs: {}, watchlist: [], ticks: {} };
    expect(answer(parseOmnibox('btc', 'en'), empty, en, 'en').heading).toMatch(/has not arrived yet/);
  });
});

describe('entered', () => {
  it('an order opens the ticket filled in, on the pair the heading named; never more than a form', () => {
    expect(entered(parseOmnibox('buy 0.01 btc 60000', 'en'), market, en)).toEqual({
      launch: {
        kind: 'ticket',
        symbol: 'BTC/EUR',
        order: { side: 'buy', amount: '0.01', limitPrice: '60000' },
      },
      addToWatchlist: null,
    });
    expect(entered(parseOmnibox('vente 0,5 eth', 'fr'), market, fr).launch).toEqual({
      kind: 'ticket',
      symbol: 'ETH/USD',
      order: { side: 'sell', amount: '0.5', limitPrice: null },
    });
  });

  it('a pair off the watchlist is added first (the ticket trades watchlist pairs)', () => {
    expect(entered(parseOmnibox('BTC/USDT', 'en'), market, en)).toEqual({
      launch: { kind: 'ticket', symbol: 'BTC/USDT', order: null },
      addToWatchlist: 'BTC/USDT',
    });
  });

  it('an alert opens the alert form filled in', () => {
    expect(entered(parseOmnibox('alert sol < 120.5', 'en'), market, en)).toEqual({
      launch: { kind: 'alert', symbol: 'SOL/USD', direction: 'below', level: '120.5' },
      addToWatchlist: null,
    });
  });

  it('bad input opens nothing but the reason', () => {
    expect(entered(parseOmnibox('buy 1,000 btc', 'en'), market, en).launch).toEqual({
      kind: 'failed',
      reason: expect.stringMatching(/^The amount: “1,000” could be read as thousands/),
    });
  });
});
