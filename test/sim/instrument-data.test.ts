import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ASSETS, EXTRA_ASSETS } from '../../sim/data/assets.ts';
import { EXTRA_INSTRUMENT_ASSETS } from '../../sim/data/assets-extra.ts';
import { INSTRUMENT_ASSETS, INSTRUMENT_PAIRS } from '../../sim/data/instruments.ts';
import { EXTRA_INSTRUMENT_PAIRS } from '../../sim/data/instruments-extra.ts';
import { listing } from '../../sim/data/listing.ts';
import { CORE_PAIRS, EXTRA_PAIRS } from '../../sim/data/pairs.ts';
import type { SimHandle } from '../../sim/server.ts';
import { FIXTURES, isChannel, startTestSim, WsClient } from './helpers.ts';

/**
 * The sim's instrument data must be the real 2024 `instrument` snapshot's, field by field, with the exact
 * number text (`1E-8`, `0.50`, `0.00010000`). The fixture is pretty-printed but keeps the raw text, so we
 * read it as text and pick out each object's `"key": value` members in order.
 */
const fixtureText = readFileSync(
  new URL('real_captures/ws_v2_instrument_snapshot_2024-04_kraken-data-recorder.json', FIXTURES),
  'utf8',
);

type RawMembers = [key: string, rawValue: string][];

/** Flat JSON objects of the fixture whose `field` equals `value`, as ordered raw members. */
function rawObject(field: 'id' | 'symbol', value: string): RawMembers {
  const objects = fixtureText.match(/\{[^{}]*\}/g) ?? [];
  const found = objects.find((text) => text.includes(`"${field}": "${value}"`));
  if (!found) throw new Error(`fixture has no ${field} ${value}`);
  return [...found.matchAll(/"([a-z_]+)":\s*("[^"]*"|[^,\s}]+)/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

/** Our data object as the same ordered raw members (strings of NumberText fields are number text). */
function ourMembers(object: object, numberTextKeys: readonly string[]): RawMembers {
  return Object.entries(object).map(([key, value]) => [
    key,
    typeof value === 'string' && !numberTextKeys.includes(key) ? JSON.stringify(value) : String(value),
  ]);
}

const PAIR_NUMBER_TEXT = [
  'qty_increment',
  'cost_min',
  'margin_initial',
  'tick_size',
  'price_increment',
  'qty_min',
];
const ASSET_NUMBER_TEXT = ['collateral_value', 'margin_rate'];

const SIX = ['BTC/USD', 'DOGE/USD', 'ETH/BTC', 'ETH/USD', 'SOL/USD', 'XRP/USD'];
const FOURTEEN = [
  'ADA/USD',
  'ALGO/USD',
  'ATOM/USD',
  'AVAX/USD',
  'BCH/USD',
  'DOT/USD',
  'ETC/USD',
  'EUR/USD',
  'LINK/USD',
  'LTC/USD',
  'TRX/USD',
  'UNI/USD',
  'XLM/USD',
  'XMR/USD',
];
const ALL_PAIRS = [...INSTRUMENT_PAIRS, ...EXTRA_INSTRUMENT_PAIRS];
const ALL_ASSETS = [...INSTRUMENT_ASSETS, ...EXTRA_INSTRUMENT_ASSETS];

describe('instrument data matches the real snapshot', () => {
  it('the default listing has exactly the six pairs and their six assets', () => {
    const six = listing(6);
    expect(INSTRUMENT_PAIRS.map((p) => p.symbol).sort()).toEqual(SIX);
    expect(six.pairs.map((p) => p.symbol).sort()).toEqual(SIX);
    expect(six.instrumentPairs.map((p) => p.symbol).sort()).toEqual(SIX);
    const needed = new Set(INSTRUMENT_PAIRS.flatMap((p) => [p.base, p.quote]));
    expect(INSTRUMENT_ASSETS.map((a) => a.id).sort()).toEqual([...needed].sort());
    expect(six.assets.map((a) => a.v2).sort()).toEqual([...needed].sort());
  });

  it('the 20-pair listing adds exactly the fourteen USD pairs and their assets', () => {
    const all = listing(20);
    expect(EXTRA_INSTRUMENT_PAIRS.map((p) => p.symbol).sort()).toEqual(FOURTEEN);
    expect(all.pairs.map((p) => p.symbol).sort()).toEqual([...SIX, ...FOURTEEN].sort());
    expect(all.instrumentPairs.map((p) => p.symbol).sort()).toEqual([...SIX, ...FOURTEEN].sort());
    const needed = new Set(all.instrumentPairs.flatMap((p) => [p.base, p.quote]));
    expect(all.instrumentAssets.map((a) => a.id).sort()).toEqual([...needed].sort());
    expect(all.assets.map((a) => a.v2).sort()).toEqual([...needed].sort());
    // Kraken sorts AssetPairs/Ticker by pair id; the six keep their order among themselves.
    const ids = all.pairs.map((p) => p.restId);
    expect(ids).toEqual([...ids].sort());
    expect(all.pairs.filter((p) => SIX.includes(p.symbol))).toEqual(CORE_PAIRS);
  });

  it('every pair moves in whole ticks: price_increment is 10^-price_precision', () => {
    for (const pair of ALL_PAIRS) {
      expect(pair.price_increment, pair.symbol).toMatch(/^(1E-\d+|0\.0*1|1)$/);
      const exponent = pair.price_increment.startsWith('1E-')
        ? Number(pair.price_increment.slice(3))
        : (pair.price_increment.split('.')[1] ?? '').length;
      expect(exponent, pair.symbol).toBe(pair.price_precision);
    }
  });

  it.each(ALL_PAIRS.map((pair) => [pair.symbol, pair] as const))(
    'pair %s: every field, in order, same text',
    (symbol, pair) => {
      expect(ourMembers(pair, PAIR_NUMBER_TEXT)).toEqual(rawObject('symbol', symbol));
    },
  );

  it.each(ALL_ASSETS.map((asset) => [asset.id, asset] as const))(
    'asset %s: every field, in order, same text',
    (id, asset) => {
      expect(ourMembers(asset, ASSET_NUMBER_TEXT)).toEqual(rawObject('id', id));
    },
  );

  it('keeps the fixture order of pairs and assets (in the default and the opt-in lists)', () => {
    const order = (ids: string[], field: 'id' | 'symbol') =>
      [...ids].sort(
        (a, b) => fixtureText.indexOf(`"${field}": "${a}"`) - fixtureText.indexOf(`"${field}": "${b}"`),
      );
    for (const pairs of [INSTRUMENT_PAIRS, EXTRA_INSTRUMENT_PAIRS]) {
      const symbols = pairs.map((p) => p.symbol);
      expect(symbols).toEqual(order(symbols, 'symbol'));
    }
    for (const assets of [INSTRUMENT_ASSETS, EXTRA_INSTRUMENT_ASSETS]) {
      const ids = assets.map((a) => a.id);
      expect(ids).toEqual(order(ids, 'id'));
    }
  });

  it('maps REST names as Kraken does', () => {
    const names = Object.fromEntries(
      [...CORE_PAIRS, ...EXTRA_PAIRS].map((p) => [
        p.symbol,
        [p.restId, p.altname, p.wsname, p.restBase, p.restQuote],
      ]),
    );
    expect(names).toEqual({
      'BTC/USD': ['XXBTZUSD', 'XBTUSD', 'XBT/USD', 'XXBT', 'ZUSD'],
      'ETH/USD': ['XETHZUSD', 'ETHUSD', 'ETH/USD', 'XETH', 'ZUSD'],
      'SOL/USD': ['SOLUSD', 'SOLUSD', 'SOL/USD', 'SOL', 'ZUSD'],
      'XRP/USD': ['XXRPZUSD', 'XRPUSD', 'XRP/USD', 'XXRP', 'ZUSD'],
      'DOGE/USD': ['XDGUSD', 'XDGUSD', 'XDG/USD', 'XXDG', 'ZUSD'],
      'ETH/BTC': ['XETHXXBT', 'ETHXBT', 'ETH/XBT', 'XETH', 'XXBT'],
      // The opt-in pairs (sources and what is inferred: sim/data/pairs-extra.ts, docs/kraken-quirks.md).
      'LTC/USD': ['XLTCZUSD', 'LTCUSD', 'LTC/USD', 'XLTC', 'ZUSD'],
      'XLM/USD': ['XXLMZUSD', 'XLMUSD', 'XLM/USD', 'XXLM', 'ZUSD'],
      'XMR/USD': ['XXMRZUSD', 'XMRUSD', 'XMR/USD', 'XXMR', 'ZUSD'],
      'ETC/USD': ['XETCZUSD', 'ETCUSD', 'ETC/USD', 'XETC', 'ZUSD'],
      'EUR/USD': ['ZEURZUSD', 'EURUSD', 'EUR/USD', 'ZEUR', 'ZUSD'],
      'BCH/USD': ['BCHUSD', 'BCHUSD', 'BCH/USD', 'BCH', 'ZUSD'],
      'ADA/USD': ['ADAUSD', 'ADAUSD', 'ADA/USD', 'ADA', 'ZUSD'],
      'ATOM/USD': ['ATOMUSD', 'ATOMUSD', 'ATOM/USD', 'ATOM', 'ZUSD'],
      'LINK/USD': ['LINKUSD', 'LINKUSD', 'LINK/USD', 'LINK', 'ZUSD'],
      'ALGO/USD': ['ALGOUSD', 'ALGOUSD', 'ALGO/USD', 'ALGO', 'ZUSD'],
      'TRX/USD': ['TRXUSD', 'TRXUSD', 'TRX/USD', 'TRX', 'ZUSD'],
      'DOT/USD': ['DOTUSD', 'DOTUSD', 'DOT/USD', 'DOT', 'ZUSD'],
      'UNI/USD': ['UNIUSD', 'UNIUSD', 'UNI/USD', 'UNI', 'ZUSD'],
      'AVAX/USD': ['AVAXUSD', 'AVAXUSD', 'AVAX/USD', 'AVAX', 'ZUSD'],
    });
    expect(Object.fromEntries([...CORE_ASSETS, ...EXTRA_ASSETS].map((a) => [a.restId, a.altname]))).toEqual({
      XXBT: 'XBT',
      ZUSD: 'USD',
      XETH: 'ETH',
      SOL: 'SOL',
      XXRP: 'XRP',
      XXDG: 'XDG',
      ZEUR: 'EUR',
      XLTC: 'LTC',
      XXLM: 'XLM',
      XETC: 'ETC',
      XXMR: 'XMR',
      BCH: 'BCH',
      ADA: 'ADA',
      ATOM: 'ATOM',
      LINK: 'LINK',
      ALGO: 'ALGO',
      TRX: 'TRX',
      DOT: 'DOT',
      UNI: 'UNI',
      AVAX: 'AVAX',
    });
  });
});

describe.each([6, 20] as const)('instrument channel of a %i-pair simulator', (count) => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startTestSim({ pairs: count });
  });
  afterAll(() => sim.close());

  it('sends the snapshot with the fixture members, text for text, and nothing unlisted', async () => {
    const client = await WsClient.open(sim.wsPublic);
    client.send({ method: 'subscribe', params: { channel: 'instrument' }, req_id: 79 });
    const ack = JSON.parse(await client.next((f) => f.includes('"method":"subscribe"')));
    expect(ack).toMatchObject({
      method: 'subscribe',
      req_id: 79,
      result: {
        channel: 'instrument',
        snapshot: true,
        warnings: ['tick_size is deprecated, use price_increment'],
      },
      success: true,
    });
    const frame = await client.next(isChannel('instrument', 'snapshot'));
    const symbols = [...frame.matchAll(/"symbol":"([^"]+)"/g)].map((m) => m[1]);
    expect(symbols.sort()).toEqual(count === 6 ? SIX : [...SIX, ...FOURTEEN].sort());
    const listed = ALL_PAIRS.filter((pair) => symbols.includes(pair.symbol));
    for (const pair of listed) {
      const wire = frame.match(new RegExp(`\\{"symbol":"${pair.symbol}"[^{}]*\\}`))?.[0];
      expect(wire, pair.symbol).toBeDefined();
      const members = [...(wire ?? '').matchAll(/"([a-z_]+)":("[^"]*"|[^,}]+)/g)].map((m) => [m[1], m[2]]);
      expect(members).toEqual(rawObject('symbol', pair.symbol));
    }
    const ids = [...frame.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids.sort()).toEqual([...new Set(symbols.flatMap((symbol) => (symbol ?? '').split('/')))].sort());
    for (const id of ids) {
      const wire = frame.match(new RegExp(`\\{"id":"${id}"[^{}]*\\}`))?.[0];
      const members = [...(wire ?? '').matchAll(/"([a-z_]+)":("[^"]*"|[^,}]+)/g)].map((m) => [m[1], m[2]]);
      expect(members).toEqual(rawObject('id', id));
    }
    expect(frame).toContain('"qty_increment":1E-8');
    expect(frame).toContain('"qty_min":0.00010000');
    await client.close();
  });
});
