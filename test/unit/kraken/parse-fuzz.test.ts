import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrderBook, parseIncoming } from '../../../lib/kraken/index.ts';
import { fixtureJson, fixtureText } from '../../support/fixtures.ts';

// Real frames: the ETH/USD wire capture and every server→client example of Kraken's v2 docs.
const doc = fixtureJson<{ examples: { dir: string; msg: unknown }[] }>('official/ws_v2_docs_examples.json');
const REAL: string[] = [
  ...fixtureText('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl').split('\n').filter(Boolean),
  ...doc.examples.filter((e) => e.dir === 'server->client').map((e) => JSON.stringify(e.msg)),
];

/** Mutations a broken proxy, a truncated frame or a hostile server could produce. */
const mutated = fc.oneof(
  fc.tuple(fc.constantFrom(...REAL), fc.nat()).map(([f, n]) => f.slice(0, n % (f.length + 1))), // truncated
  fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([f, n, c]) => {
    const i = n % f.length;
    return f.slice(0, i) + c + f.slice(i + 1); // one character replaced
  }),
  fc.tuple(fc.constantFrom(...REAL), fc.jsonValue()).map(([f, v]) => {
    // a field replaced by any JSON value
    const obj = JSON.parse(f) as Record<string, unknown>;
    const keys = Object.keys(obj);
    const key = keys[JSON.stringify(v).length % keys.length] ?? 'x';
    return JSON.stringify({ ...obj, [key]: v });
  }),
  fc.tuple(fc.constantFrom(...REAL), fc.jsonValue()).map(([f, v]) => {
    // a level or a data item replaced
    const obj = JSON.parse(f) as { data?: unknown };
    if (Array.isArray(obj.data) && obj.data.length)
      return JSON.stringify({ ...obj, data: [v, ...obj.data.slice(1)] });
    return JSON.stringify({ ...obj, data: v });
  }),
  fc.string(),
);

describe('parsing at the boundary (fast-check, mutated real frames)', () => {
  it('every real frame parses to something other than invalid', () => {
    for (const frame of REAL) expect(parseIncoming(frame).kind, frame.slice(0, 80)).not.toBe('invalid');
  });

  it('never throws, always classifies, and a book frame it accepts can be applied', () => {
    fc.assert(
      fc.property(mutated, (frame) => {
        const result = parseIncoming(frame);
        expect(['heartbeat', 'data', 'response', 'invalid']).toContain(result.kind);
        if (result.kind === 'data' && result.message.channel === 'book') {
          const book = createOrderBook({ symbol: 'X', depth: 10, pricePrecision: 2, qtyPrecision: 8 });
          for (const d of result.message.data) {
            const r = book.applySnapshot(d);
            expect(typeof r.ok).toBe('boolean');
          }
        }
        if (result.kind === 'data' && result.message.channel === 'ticker') {
          for (const t of result.message.data) expect(typeof t.last).toBe('number');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
