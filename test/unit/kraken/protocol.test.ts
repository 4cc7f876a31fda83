import { describe, expect, it } from 'vitest';
import { type ChannelMessage, parseIncoming } from '../../../lib/kraken/ws/protocol.ts';
import { fixtureJson } from '../../support/fixtures.ts';

// Kraken's own example messages (https://docs.kraken.com/api/docs/websocket-v2/trade, /executions, /balances).
const doc = fixtureJson<{ examples: { dir: string; msg: unknown }[] }>('official/ws_v2_docs_examples.json');
const examples = (channel: string) =>
  doc.examples
    .filter((e) => e.dir === 'server->client')
    .map((e) => e.msg as Record<string, unknown>)
    .filter((m) => m.channel === channel);

function data(frame: unknown): ChannelMessage {
  const incoming = parseIncoming(JSON.stringify(frame));
  if (incoming.kind !== 'data') throw new Error(`expected data, got ${JSON.stringify(incoming)}`);
  return incoming.message;
}

const reason = (frame: unknown) => {
  const incoming = parseIncoming(JSON.stringify(frame));
  return incoming.kind === 'invalid' ? incoming.reason : null;
};

describe('trade frames', () => {
  it("types Kraken's examples, keeping the frame as it came", () => {
    const [snapshot, update] = examples('trade');
    const message = data(update);
    expect(message).toEqual({
      channel: 'trade',
      type: 'update',
      data: [
        {
          symbol: 'MATIC/USD',
          side: 'sell',
          price: 0.5117,
          qty: 40,
          ord_type: 'market',
          trade_id: 4665906,
          timestamp: '2023-09-25T07:49:37.708706Z',
        },
      ],
      raw: update,
    });
    const snap = data(snapshot);
    expect(snap.channel === 'trade' && snap.type === 'snapshot' && snap.data.map((t) => t.trade_id)).toEqual([
      4665846, 4665847,
    ]);
  });

  it('drops a trade it cannot read and keeps the others; all unreadable is an invalid frame', () => {
    const good = {
      symbol: 'BTC/USD',
      side: 'buy',
      price: 1.5,
      qty: 2,
      ord_type: 'limit',
      trade_id: 1,
      timestamp: 't',
    };
    const frame = (items: unknown[]) => ({ channel: 'trade', type: 'update', data: items });
    const bad = [
      { ...good, price: '1.5' },
      { ...good, qty: 0 },
      { ...good, side: 'both' },
      { ...good, trade_id: 1.5 },
      { ...good, symbol: undefined },
      { ...good, price: Number.NaN },
    ];
    const message = data(frame([...bad, good]));
    expect(message.channel === 'trade' && message.data).toEqual([good]);
    expect(reason(frame(bad))).toBe('trade frame without valid trades');
    expect(reason({ channel: 'trade', type: 'update', data: 'x' })).toBe('trade frame without valid trades');
  });
});

describe('executions frames', () => {
  it("types Kraken's examples: reports by order_id, with the sequence number", () => {
    for (const example of examples('executions')) {
      const message = data(example);
      expect(message.channel).toBe('executions');
      if (message.channel !== 'executions') continue;
      expect(message.sequence).toBe(example.sequence);
      expect(message.raw).toEqual(example);
      expect(message.data.map((r) => r.order_id)).toEqual(['OK4GJX-KSTLS-7DZZO5']);
    }
    const trade = data(examples('executions')[2]);
    expect(trade.channel === 'executions' && trade.data[0]).toMatchObject({
      exec_type: 'trade',
      last_qty: 0.005,
      last_price: 26599.9,
      fees: [{ asset: 'USD', qty: 0.3458 }],
    });
  });

  it('accepts an empty snapshot (no open orders is news), refuses reports it cannot read', () => {
    expect(data({ channel: 'executions', type: 'snapshot', data: [] })).toMatchObject({ data: [] });
    const frame = (items: unknown[]) => ({ channel: 'executions', type: 'update', data: items });
    const good = { order_id: 'O1', exec_type: 'new' };
    const bad = [
      { exec_type: 'new' },
      { order_id: 'O2' },
      { ...good, side: 'up' },
      { ...good, last_qty: '1' },
      { ...good, order_status: 3 },
    ];
    const message = data(frame([...bad, good]));
    expect(message.channel === 'executions' && message.data).toEqual([good]);
    expect(reason(frame(bad))).toBe('executions frame without valid reports');
  });
});

describe('balances frames', () => {
  it("types Kraken's snapshot (balances and wallets) and updates (ledger entries)", () => {
    const [snapshot, deposit] = examples('balances');
    const snap = data(snapshot);
    expect(
      snap.channel === 'balances' && snap.type === 'snapshot' && snap.data.map((b) => [b.asset, b.balance]),
    ).toEqual([
      ['BTC', 1.2],
      ['MATIC', 500],
      ['USD', 80595.4943],
    ]);
    const update = data(deposit);
    expect(update.channel === 'balances' && update.type === 'update' && update.data[0]).toMatchObject({
      ledger_id: 'ADKKFF-WEA5A-CNUBHG',
      asset: 'BTC',
      amount: 0.01,
      balance: 0.02,
    });
  });

  it('refuses a snapshot or an update it cannot read', () => {
    expect(reason({ channel: 'balances', type: 'snapshot', data: [{ asset: 'BTC', balance: 'lots' }] })).toBe(
      'balances snapshot without valid balances',
    );
    expect(
      reason({ channel: 'balances', type: 'snapshot', data: [{ asset: 'BTC', balance: 1, wallets: [{}] }] }),
    ).toBe('balances snapshot without valid balances');
    // A snapshot-shaped item in an update has no ledger entry.
    expect(reason({ channel: 'balances', type: 'update', data: [{ asset: 'BTC', balance: 1 }] })).toBe(
      'balances update without valid ledger entries',
    );
  });
});

describe('ohlc frames', () => {
  // Kraken's example snapshot (https://docs.kraken.com/api/docs/websocket-v2/ohlc), quoted as published.
  const docSnapshot = {
    channel: 'ohlc',
    type: 'snapshot',
    timestamp: '2023-10-04T16:26:01.806315597Z',
    data: [
      {
        symbol: 'ALGO/USD',
        open: 0.09875,
        high: 0.09875,
        low: 0.09875,
        close: 0.09875,
        trades: 1,
        volume: 201.86015,
        vwap: 0.09875,
        interval_begin: '2023-10-04T15:25:00.000000000Z',
        interval: 5,
        timestamp: '2023-10-04T15:30:00.000000Z',
      },
      {
        symbol: 'ALGO/USD',
        open: 0.09875,
        high: 0.0988,
        low: 0.09875,
        close: 0.09875,
        trades: 13,
        volume: 16255.46368,
        vwap: 0.09879,
        interval_begin: '2023-10-04T15:30:00.000000000Z',
        interval: 5,
        timestamp: '2023-10-04T15:35:00.000000Z',
      },
    ],
  };

  it("types Kraken's example, keeping the frame as it came", () => {
    const message = data(docSnapshot);
    expect(message.channel).toBe('ohlc');
    if (message.channel !== 'ohlc') return;
    expect(message.type).toBe('snapshot');
    expect(message.data.map((c) => [c.interval_begin, c.high, c.trades])).toEqual([
      ['2023-10-04T15:25:00.000000000Z', 0.09875, 1],
      ['2023-10-04T15:30:00.000000000Z', 0.0988, 13],
    ]);
    expect(message.raw).toEqual(docSnapshot);
  });

  it('drops a candle it cannot read and keeps the others; all unreadable is an invalid frame', () => {
    const [good] = docSnapshot.data;
    const frame = (items: unknown[]) => ({ channel: 'ohlc', type: 'update', data: items });
    const kept = data(frame([{ ...good, close: -1 }, good, { ...good, interval_begin: 7 }]));
    expect(kept.channel === 'ohlc' && kept.data).toEqual([good]);
    expect(
      reason(
        frame([
          { ...good, open: 'x' },
          { ...good, trades: 1.5 },
        ]),
      ),
    ).toBe('ohlc frame without valid candles');
    expect(reason({ channel: 'ohlc', type: 'update', data: 'candles' })).toBe(
      'ohlc frame without valid candles',
    );
  });
});
