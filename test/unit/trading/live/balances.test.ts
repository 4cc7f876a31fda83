import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BalanceExEntry } from '../../../../lib/kraken/rest/types-private.ts';
import { createLiveBalances } from '../../../../lib/trading/live/balances.ts';
import { virtualClock } from '../../../support/virtual-clock.ts';

type BalanceEx = Record<string, BalanceExEntry>;

/** A BalanceEx whose answers the test releases one by one, as a REST counter that drains slowly would. */
function slowRest() {
  const waiting: ((answer: BalanceEx) => void)[] = [];
  return {
    rest: { balanceEx: () => new Promise<BalanceEx>((resolve) => waiting.push(resolve)) },
    calls: () => waiting.length,
    answer(i: number, usd: string) {
      waiting[i]?.({ ZUSD: { balance: usd, hold_trade: '0' } });
    },
  };
}

describe('live balances', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks BalanceEx once more, not once per change, while a refresh is on its way', async () => {
    const slow = slowRest();
    const funds = createLiveBalances(slow.rest, virtualClock(), new AbortController().signal, () => {});
    funds.schedule();
    await vi.advanceTimersByTimeAsync(300);
    expect(slow.calls()).toBe(1);
    // Twenty orders and balance updates while the first call waits for the REST counter.
    for (let i = 0; i < 20; i++) {
      funds.schedule();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(slow.calls()).toBe(1);
    slow.answer(0, '100');
    await vi.advanceTimersByTimeAsync(0);
    // One more, since things moved after the first was asked; its answer is the one kept.
    expect(slow.calls()).toBe(2);
    slow.answer(1, '90');
    await vi.advanceTimersByTimeAsync(300);
    expect(slow.calls()).toBe(2);
    expect(funds.list()).toEqual([{ asset: 'USD', total: '90', hold: '0', available: '90' }]);
  });

  it('a change after the last answer is refreshed again', async () => {
    const slow = slowRest();
    const funds = createLiveBalances(slow.rest, virtualClock(), new AbortController().signal, () => {});
    funds.schedule();
    await vi.advanceTimersByTimeAsync(300);
    slow.answer(0, '100');
    await vi.advanceTimersByTimeAsync(0);
    funds.schedule();
    await vi.advanceTimersByTimeAsync(300);
    expect(slow.calls()).toBe(2);
  });
});
