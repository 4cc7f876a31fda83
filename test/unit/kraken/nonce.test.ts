import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNonceSource, memoryNonceStore, type NonceStore } from '../../../lib/kraken/index.ts';

const T0 = 1_700_000_000_000;

const increasing = (values: string[]) =>
  values.every((v, i) => i === 0 || BigInt(v) > BigInt(values[i - 1] ?? '0'));

describe('createNonceSource', () => {
  it.each([
    ['ms', '1700000000000'],
    ['us', '1700000000000000'],
    ['ns', '1700000000000000000'],
  ] as const)('scale %s puts the clock in %s', async (scale, expected) => {
    const source = createNonceSource({ store: memoryNonceStore(), keyId: 'k', scale, now: () => T0 });
    expect(await source.next()).toBe(expected);
  });

  it('hands concurrent callers distinct, strictly increasing nonces in call order', async () => {
    const source = createNonceSource({ store: memoryNonceStore(), keyId: 'k', now: () => T0 });
    const values = await Promise.all(Array.from({ length: 200 }, () => source.next()));
    expect(increasing(values)).toBe(true);
    expect(values[0]).toBe(String(T0));
    expect(values[199]).toBe(String(T0 + 199));
  });

  it('keeps increasing when the clock jumps back', async () => {
    let now = T0;
    const source = createNonceSource({ store: memoryNonceStore(), keyId: 'k', now: () => now });
    const a = await source.next();
    now = T0 - 3_600_000;
    const b = await source.next();
    expect(BigInt(b)).toBe(BigInt(a) + 1n);
  });

  it('continues above the persisted mark after a restart (a new source on the same store)', async () => {
    const store = memoryNonceStore();
    const first = createNonceSource({ store, keyId: 'k', now: () => T0 });
    for (let i = 0; i < 5; i++) await first.next();
    const restarted = createNonceSource({ store, keyId: 'k', now: () => T0 - 10_000 });
    expect(await restarted.next()).toBe(String(T0 + 5));
  });

  it('two live sources on one store, used in turn, never repeat a nonce (the mark is re-read each time)', async () => {
    const store = memoryNonceStore();
    const a = createNonceSource({ store, keyId: 'k', now: () => T0 });
    const b = createNonceSource({ store, keyId: 'k', now: () => T0 });
    const seen = [await a.next(), await b.next(), await a.next(), await b.next()];
    expect(seen).toEqual([T0, T0 + 1, T0 + 2, T0 + 3].map(String));
  });

  it('persists the mark before handing the nonce out', async () => {
    const events: string[] = [];
    const store: NonceStore = {
      load: async () => undefined,
      save: async (_k, v) => {
        await new Promise((r) => setTimeout(r, 1));
        events.push(`saved ${v}`);
      },
    };
    const source = createNonceSource({ store, keyId: 'k', now: () => T0 });
    events.push(`used ${await source.next()}`);
    expect(events).toEqual([`saved ${T0}`, `used ${T0}`]);
  });

  it('does not hand out a nonce whose mark could not be saved', async () => {
    let failing = true;
    const store: NonceStore = {
      load: async () => undefined,
      save: async () => {
        if (failing) throw new Error('quota');
      },
    };
    const source = createNonceSource({ store, keyId: 'k', now: () => T0 });
    await expect(source.next()).rejects.toThrow('quota');
    failing = false;
    expect(await source.next()).toBe(String(T0));
  });

  it('keys are independent', async () => {
    const store = memoryNonceStore({ a: '9000000000000' });
    const a = createNonceSource({ store, keyId: 'a', now: () => T0 });
    const b = createNonceSource({ store, keyId: 'b', now: () => T0 });
    expect(await a.next()).toBe('9000000000001');
    expect(await b.next()).toBe(String(T0));
  });

  it('moving a key from ms to µs keeps it increasing (the reverse would not: docs/nonce.md)', async () => {
    const store = memoryNonceStore();
    const ms = createNonceSource({ store, keyId: 'k', scale: 'ms', now: () => T0 });
    const before = await ms.next();
    const us = createNonceSource({ store, keyId: 'k', scale: 'us', now: () => T0 });
    expect(BigInt(await us.next())).toBeGreaterThan(BigInt(before));
  });

  it('property: any clock, any interleaving of restarts → strictly increasing, never a float', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.integer({ min: -5_000, max: 5_000 }), fc.boolean(), fc.integer({ min: 1, max: 4 })),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.constantFrom('ms', 'us', 'ns' as const),
        async (steps, scale) => {
          const store = memoryNonceStore();
          let now = T0;
          let source = createNonceSource({ store, keyId: 'k', scale, now: () => now });
          const seen: string[] = [];
          for (const [jump, restart, burst] of steps) {
            now += jump;
            if (restart) source = createNonceSource({ store, keyId: 'k', scale, now: () => now });
            seen.push(...(await Promise.all(Array.from({ length: burst }, () => source.next()))));
          }
          expect(seen.every((v) => /^[0-9]+$/.test(v))).toBe(true);
          expect(increasing(seen)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
