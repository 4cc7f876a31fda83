import { describe, expect, it } from 'vitest';
import { createDeadManSwitch, type DeadManState } from '../../../../lib/kraken/index.ts';
import { virtualClock } from '../../../support/virtual-clock.ts';

describe('createDeadManSwitch', () => {
  it('arms with the timeout, refreshes while armed, disarms with 0 on stop', async () => {
    const clock = virtualClock();
    const calls: number[] = [];
    let refreshes = 0;
    const rest = {
      async cancelAllOrdersAfter(p: { timeout: number }) {
        calls.push(p.timeout);
        if (p.timeout > 0) refreshes++;
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock, timeoutSec: 60, refreshMs: 20_000 });
    await dms.arm();
    expect(dms.armed).toBe(true);
    await expect.poll(() => refreshes).toBeGreaterThanOrEqual(3);
    await dms.stop();
    expect(dms.armed).toBe(false);
    expect(calls.at(-1)).toBe(0);
    expect(calls.slice(0, -1).every((t) => t === 60)).toBe(true);
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.length).toBe(after);
    expect(clock.sleeps.filter((ms) => ms !== 20_000)).toEqual([]);
  });

  it('a refused first arm leaves it off (a later arm tries again) and reports each accepted arm', async () => {
    const clock = virtualClock();
    const refreshed: DeadManState[] = [];
    let refuse = true;
    const rest = {
      async cancelAllOrdersAfter() {
        if (refuse) throw new Error('EAPI:Invalid key');
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({
      rest,
      clock,
      onChange: (state) => state.kind === 'armed' && refreshed.push(state),
    });
    await expect(dms.arm()).rejects.toThrow('EAPI:Invalid key');
    expect(dms.armed).toBe(false);
    expect(dms.state()).toEqual({ kind: 'off' });
    expect(refreshed).toEqual([]);
    refuse = false;
    await dms.arm();
    expect(dms.armed).toBe(true);
    expect(refreshed).toHaveLength(1);
    await dms.stop();
  });

  it.each([[{ timeoutSec: 0 }], [{ timeoutSec: 86_400 }], [{ timeoutSec: 10, refreshMs: 10_000 }]])(
    'refuses a useless configuration %j',
    (cfg) => {
      expect(() =>
        createDeadManSwitch({
          rest: { cancelAllOrdersAfter: async () => ({ currentTime: '', triggerTime: '' }) },
          clock: virtualClock(),
          ...cfg,
        }),
      ).toThrow(RangeError);
    },
  );
});

describe('createDeadManSwitch: turning it off is only off once Kraken says so', () => {
  it('a failing disarm stays "disarming" with the trigger time, is retried, and is off once Kraken accepts', async () => {
    const clock = virtualClock();
    const calls: number[] = [];
    let failDisarms = 2;
    const states: DeadManState['kind'][] = [];
    const rest = {
      async cancelAllOrdersAfter(p: { timeout: number }) {
        calls.push(p.timeout);
        if (p.timeout === 0 && failDisarms-- > 0) throw new Error('EService:Unavailable');
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock, onChange: (s) => states.push(s.kind) });
    const start = clock.now();
    await dms.arm();
    expect(dms.state()).toMatchObject({ kind: 'armed', triggerAt: start + 60_000 });
    await dms.stop();
    // The old switch forgot itself before Kraken answered and showed "off" while Kraken stayed armed.
    expect(dms.state()).toMatchObject({ kind: 'disarming', triggerAt: start + 60_000, attempts: 1 });
    await dms.settled();
    expect(dms.state()).toEqual({ kind: 'off' });
    expect(calls).toEqual([60, 0, 0, 0]);
    expect(states).toEqual(['arming', 'armed', 'disarming', 'disarming', 'disarming', 'off']);
  });

  it('a disarm that never gets through ends "lapsed" at the trigger time (Kraken cancelled everything)', async () => {
    const clock = virtualClock();
    const rest = {
      async cancelAllOrdersAfter(p: { timeout: number }) {
        if (p.timeout === 0) throw new Error('offline');
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock });
    const start = clock.now();
    await dms.arm();
    await dms.stop();
    await dms.settled();
    expect(dms.state()).toEqual({ kind: 'lapsed', at: start + 60_000 });
    expect(clock.now()).toBe(start + 60_000);
  });

  it('a failing refresh says when Kraken will cancel, and recovers when the next refresh gets through', async () => {
    const clock = virtualClock();
    let n = 0;
    const seen: DeadManState[] = [];
    const rest = {
      async cancelAllOrdersAfter(p: { timeout: number }) {
        if (p.timeout > 0 && ++n === 2) throw new Error('offline');
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock, onChange: (s) => seen.push(s) });
    const start = clock.now();
    await dms.arm();
    await expect.poll(() => n).toBeGreaterThanOrEqual(3);
    await dms.stop();
    const failing = seen.find((s) => s.kind === 'refresh-failing');
    expect(failing).toMatchObject({ triggerAt: start + 60_000, error: 'offline' });
    expect(seen.indexOf(failing as DeadManState)).toBeLessThan(seen.findLastIndex((s) => s.kind === 'armed'));
  });
});
