import { describe, expect, it } from 'vitest';
import type { OhlcRow } from '../../../lib/kraken/index.ts';
import { createSparklines, SPARK_SPAN_MS, STALE_MS } from '../../../lib/market/sparklines.ts';
import type { Sparkline } from '../../../lib/market/types.ts';

function harness(failFor: string[] = []) {
  let now = Date.UTC(2026, 0, 10, 12, 0);
  const asked: { pair: string; interval: number; since: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const changes: Record<string, Sparkline>[] = [];
  const lines = createSparklines({
    ohlc: async (params) => {
      asked.push(params);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
      if (failFor.includes(params.pair)) throw new Error('EQuery:Unknown asset pair');
      // 15-minute rows over the last 25 h, as Kraken would answer `since`.
      const rows: OhlcRow[] = [];
      for (let t = now - 25 * 3_600_000; t <= now; t += 15 * 60_000) {
        const s = Math.floor(t / 1000);
        if (s > params.since) rows.push([s, '1', '1', '1', String((t % 7) + 1), '1', '1', 1]);
      }
      return { rows };
    },
    restPair: (s) => s.replace('/', ''),
    now: () => now,
    onChange: (l) => changes.push(l),
  });
  return {
    lines,
    asked,
    changes,
    maxInFlight: () => maxInFlight,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe('sparklines', () => {
  it('fetches 24 h of 15-minute closes per pair, one pair at a time', async () => {
    const h = harness();
    await h.lines.refresh(['BTC/USD', 'ETH/USD']);
    expect(h.asked.map((a) => [a.pair, a.interval])).toEqual([
      ['BTCUSD', 15],
      ['ETHUSD', 15],
    ]);
    expect(h.maxInFlight()).toBe(1);
    const btc = h.lines.current()['BTC/USD'];
    expect(btc?.closes.length).toBeGreaterThanOrEqual(96);
    expect(btc?.closes.length).toBeLessThanOrEqual(98);
    expect((btc?.times[0] ?? 0) >= h.now() - SPARK_SPAN_MS - 15 * 60_000).toBe(true);
    expect(h.changes).toHaveLength(2);
  });

  it('asks again only for histories that are missing or stale, and forgets pairs that left', async () => {
    const h = harness();
    await h.lines.refresh(['BTC/USD', 'ETH/USD']);
    h.advance(STALE_MS - 1);
    await h.lines.refresh(['BTC/USD', 'ETH/USD', 'SOL/USD']);
    expect(h.asked.map((a) => a.pair)).toEqual(['BTCUSD', 'ETHUSD', 'SOLUSD']);
    h.advance(2);
    await h.lines.refresh(['SOL/USD']);
    expect(Object.keys(h.lines.current())).toEqual(['SOL/USD']);
    expect(h.asked.map((a) => a.pair)).toEqual(['BTCUSD', 'ETHUSD', 'SOLUSD']);
  });

  it('a pair Kraken cannot answer for has no line; the others still get theirs', async () => {
    const h = harness(['XRPUSD']);
    await h.lines.refresh(['XRP/USD', 'BTC/USD']);
    expect(Object.keys(h.lines.current())).toEqual(['BTC/USD']);
  });
});
