import { describe, expect, it } from 'vitest';
import { createLaunchBox, LAUNCH_TTL_MS } from '../../../lib/launch/pending.ts';
import { type Launch, parseLaunch } from '../../../lib/launch/types.ts';

const ticket: Launch = {
  kind: 'ticket',
  symbol: 'BTC/USD',
  order: { side: 'buy', amount: '0.01', limitPrice: '60000' },
};

describe('parseLaunch (the popup checks what it is handed)', () => {
  it.each<Launch>([
    ticket,
    { kind: 'ticket', symbol: 'ETH/USD', order: null },
    { kind: 'ticket', symbol: 'ETH/USD', order: { side: 'sell', amount: '1', limitPrice: null } },
    { kind: 'alert', symbol: 'BTC/USD', direction: 'above', level: '100000' },
    { kind: 'failed', reason: 'why' },
  ])('keeps %j', (launch) => {
    expect(parseLaunch(JSON.parse(JSON.stringify(launch)))).toEqual(launch);
  });

  it.each([
    null,
    'ticket',
    { kind: 'ticket', symbol: 'BTC/USD' },
    { kind: 'ticket', symbol: '<b>x</b>', order: null },
    { kind: 'ticket', symbol: 'BTC/USD', order: { side: 'short', amount: '1', limitPrice: null } },
    { kind: 'ticket', symbol: 'BTC/USD', order: { side: 'buy', amount: '1e3', limitPrice: null } },
    { kind: 'ticket', symbol: 'BTC/USD', order: { side: 'buy', amount: '0,5', limitPrice: null } },
    { kind: 'ticket', symbol: 'BTC/USD', order: { side: 'buy', amount: '1', limitPrice: -1 } },
    { kind: 'ticket', symbol: 'BTC/USD', order: { side: 'buy', amount: '1'.repeat(21), limitPrice: null } },
    { kind: 'alert', symbol: 'BTC/USD', direction: 'sideways', level: '1' },
    { kind: 'alert', symbol: 'BTC/USD', direction: 'above', level: 'NaN' },
    { kind: 'failed', reason: 'x'.repeat(501) },
    { kind: 'place', order: {} },
  ])('refuses %j', (value) => {
    expect(parseLaunch(value)).toBeNull();
  });
});

describe('the launch box', () => {
  it('hands the launch once, to the first popup that asks', async () => {
    const box = createLaunchBox({ now: () => 0 });
    box.put(Promise.resolve(ticket));
    await expect(box.take()).resolves.toEqual(ticket);
    await expect(box.take()).resolves.toBeNull();
  });

  it('keeps the latest request only', async () => {
    const box = createLaunchBox({ now: () => 0 });
    box.put(Promise.resolve({ kind: 'failed', reason: 'old' }));
    box.put(Promise.resolve(ticket));
    await expect(box.take()).resolves.toEqual(ticket);
  });

  it(`forgets a launch no popup took within ${LAUNCH_TTL_MS / 1000} s`, async () => {
    let now = 0;
    const box = createLaunchBox({ now: () => now });
    box.put(Promise.resolve(ticket));
    now = LAUNCH_TTL_MS + 1;
    await expect(box.take()).resolves.toBeNull();
  });

  it('a launch that could not be resolved is told as failed, with the reason', async () => {
    const box = createLaunchBox({ now: () => 0 });
    box.put(Promise.reject(new Error('The watchlist holds 20 pairs. Remove one first.')));
    await expect(box.take()).resolves.toEqual({
      kind: 'failed',
      reason: 'The watchlist holds 20 pairs. Remove one first.',
    });
  });
});
