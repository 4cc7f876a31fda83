import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../lib/base/serial-queue.ts';

const later = <T>(value: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('createSerialQueue', () => {
  it('runs tasks one at a time in call order, even when a later one would finish first', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ms: number) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await later(null, ms);
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([
      queue.run(task('a', 20)),
      queue.run(task('b', 1)),
      queue.run(task('c', 5)),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('passes a failure to its caller only; the next task still runs', async () => {
    const queue = createSerialQueue();
    const failed = queue.run(async () => {
      throw new Error('nope');
    });
    const thrownSync = queue.run(() => {
      throw new Error('sync nope');
    });
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('nope');
    await expect(thrownSync).rejects.toThrow('sync nope');
    await expect(next).resolves.toBe('ran');
  });

  it('counts pending tasks', async () => {
    const queue = createSerialQueue();
    const a = queue.run(() => later(1, 5));
    const b = queue.run(() => later(2, 5));
    expect(queue.pending).toBe(2);
    await Promise.all([a, b]);
    expect(queue.pending).toBe(0);
  });
});
