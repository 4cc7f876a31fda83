import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeepAwake } from '../../../lib/base/keep-awake.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('keep-awake beat', () => {
  it('touches every 15 s while needed, never while not, and stops', async () => {
    vi.useFakeTimers();
    let needed = true;
    const touched: number[] = [];
    const keep = createKeepAwake({
      needed: () => needed,
      touch: async () => void touched.push(Date.now()),
    });
    const start = Date.now();
    keep.start();
    keep.start(); // idempotent: one timer
    await vi.advanceTimersByTimeAsync(45_000);
    expect(touched.map((t) => t - start)).toEqual([15_000, 30_000, 45_000]);
    needed = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(touched).toHaveLength(3);
    needed = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(touched).toHaveLength(4);
    keep.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keep.touches()).toBe(4);
  });

  it('a failing touch or predicate is reported and the next beat tries again', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    let throwing = true;
    const keep = createKeepAwake({
      needed: () => {
        if (throwing) throw new Error('not ready');
        return true;
      },
      touch: async () => {
        calls += 1;
        if (calls === 1) throw new Error('context gone');
      },
      everyMs: 1_000,
      onError: (e) => errors.push(String(e)),
    });
    keep.start();
    await vi.advanceTimersByTimeAsync(1_000);
    throwing = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    expect(errors).toEqual(['Error: not ready', 'Error: context gone']);
    keep.stop();
  });
});
