// Every inbound surface fuzzed with fast-check (bench/fuzz.ts; `npm run bench` runs 20,000 cases each):
// frames from the exchange, REST bodies, requests from pages, stored records. None may crash.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../bench/fuzz.ts';
import { createOrdersTracker } from '../../lib/kraken/index.ts';

describe('fuzzing the inbound surfaces', () => {
  it('no surface crashes on 400 hostile cases each', async () => {
    const result = await fuzz(400, 7); // a fixed seed: the same cases every run (the bench uses another)
    expect(result.failures).toEqual([]);
    expect(result.crashes).toBe(0);
    expect(Object.values(result.cases).every((n) => n === 400)).toBe(true);
  }, 60_000);

  it('found once: a trade report whose exec_id is an object no longer throws in the orders tracker', () => {
    const frame = {
      type: 'update',
      data: [
        { order_id: 'O1', exec_id: Object.create(null), exec_type: 'trade', last_qty: 1, last_price: 2 },
      ],
    };
    expect(createOrdersTracker().apply(frame)).toEqual([
      expect.objectContaining({ order_id: 'O1', exec_id: '' }),
    ]);
  });
});
