import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSETS } from '../../sim/data/assets.ts';
import { INSTRUMENT_ASSETS, INSTRUMENT_PAIRS } from '../../sim/data/instruments.ts';
import { PAIRS } from '../../sim/data/pairs.ts';
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

describe('instrument data matches the real snapshot', () => {
  it('covers exactly the six pairs and their six assets', () => {
    expect(INSTRUMENT_PAIRS.map((p) => p.symbol).sort()).toEqual(
      ['BTC/USD', 'DOGE/USD', 'ETH/BTC', 'ETH/USD', 'SOL/USD', 'XRP/USD'].sort(),
    );
    const needed = new Set(INSTRUMENT_PAIRS.flatMap((p) => [p.base, p.quote]));
    expect(INSTRUMENT_ASSETS.map((a) => a.id).sort()).toEqual([...needed].sort());
  });

  it.each(INSTRUMENT_PAIRS.map((pair) => [pair.symbol, pair] as const))(
    'pair %s: every field, in order, same text',
    (symbol, pair) => {
      expect(ourMembers(pair, PAIR_NUMBER_TEXT)).toEqual(rawObject('symbol', symbol));
    },
  );

  it.each(INSTRUMENT_ASSETS.map((asset) => [asset.id, asset] as const))(
    'asset %s: every field, in order, same text',
    (id, asset) => {
      expect(ourMembers(asset, ASSET_NUMBER_TEXT)).toEqual(rawObject('id', id));
    },
  );

  it('keeps the fixture order of pairs and assets', () => {
    const order = (ids: string[], field: 'id' | 'symbol') =>
      [...ids].sort(
        (a, b) => fixtureText.indexOf(`"${field}": "${a}"`) - fixtureText.indexOf(`"${field}": "${b}"`),
      );
    expect(INSTRUMENT_PAIRS.map((p) => p.symbol)).toEqual(
      order(
        INSTRUMENT_PAIRS.map((p) => p.symbol),
        'symbol',
      ),
    );
    expect(INSTRUMENT_ASSETS.map((a) => a.id)).toEqual(
      order(
        INSTRUMENT_ASSETS.map((a) => a.id),
        'id',
      ),
    );
  });

  it('maps REST names as Kraken does', () => {
    const names = Object.fromEntries(
      PAIRS.map((p) => [p.symbol, [p.restId, p.altname, p.wsname, p.restBase, p.restQuote]]),
    );
    expect(names).toEqual({
      'BTC/USD': ['XXBTZUSD', 'XBTUSD', 'XBT/USD', 'XXBT', 'ZUSD'],
      'ETH/USD': ['XETHZUSD', 'ETHUSD', 'ETH/USD', 'XETH', 'ZUSD'],
      'SOL/USD': ['SOLUSD', 'SOLUSD', 'SOL/USD', 'SOL', 'ZUSD'],
      'XRP/USD': ['XXRPZUSD', 'XRPUSD', 'XRP/USD', 'XXRP', 'ZUSD'],
      'DOGE/USD': ['XDGUSD', 'XDGUSD', 'XDG/USD', 'XXDG', 'ZUSD'],
      'ETH/BTC': ['XETHXXBT', 'ETHXBT', 'ETH/XBT', 'XETH', 'XXBT'],
    });
    expect(Object.fromEntries(ASSETS.map((a) => [a.restId, a.altname]))).toEqual({
      XXBT: 'XBT',
      ZUSD: 'USD',
      XETH: 'ETH',
      SOL: 'SOL',
      XXRP: 'XRP',
      XXDG: 'XDG',
    });
  });
});

describe('instrument channel reproduces the raw text on the wire', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  afterAll(() => sim.close());

  it('sends the snapshot with the fixture members, text for text', async () => {
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
    for (const pair of INSTRUMENT_PAIRS) {
      const wire = frame.match(new RegExp(`\\{"symbol":"${pair.symbol}"[^{}]*\\}`))?.[0];
      expect(wire, pair.symbol).toBeDefined();
      const members = [...(wire ?? '').matchAll(/"([a-z_]+)":("[^"]*"|[^,}]+)/g)].map((m) => [m[1], m[2]]);
      expect(members).toEqual(rawObject('symbol', pair.symbol));
    }
    for (const asset of INSTRUMENT_ASSETS) {
      const wire = frame.match(new RegExp(`\\{"id":"${asset.id}"[^{}]*\\}`))?.[0];
      const members = [...(wire ?? '').matchAll(/"([a-z_]+)":("[^"]*"|[^,}]+)/g)].map((m) => [m[1], m[2]]);
      expect(members).toEqual(rawObject('id', asset.id));
    }
    expect(frame).toContain('"qty_increment":1E-8');
    expect(frame).toContain('"qty_min":0.00010000');
    await client.close();
  });
});
