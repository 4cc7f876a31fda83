import { describe, expect, it } from 'vitest';
import { createKrakenRest, measureClockOffset } from '../../../lib/kraken/index.ts';
import { fakeFetch, ok } from '../../support/fake-fetch.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

const at = (unixtime: number) => async () => ({ unixtime, rfc1123: '' });

describe('measureClockOffset', () => {
  it('reports no skew when the clocks agree within the second Time can resolve', async () => {
    const clock = virtualClock(1_700_000_000_900);
    const r = await measureClockOffset(at(1_700_000_000), clock);
    expect(r.skewed).toBe(false);
    expect(r.minMs).toBe(-900);
    expect(r.maxMs).toBe(99);
  });

  it.each([
    [1_700_000_002, true],
    [1_699_999_998, true],
    [1_700_000_001, false],
  ])('server at %i s vs local 1_700_000_000.000 s → skewed %s', async (server, skewed) => {
    const clock = virtualClock(1_700_000_000_000);
    expect((await measureClockOffset(at(server), clock)).skewed).toBe(skewed);
  });

  it('uses the public Time endpoint through the client, with the round trip in the bounds', async () => {
    const clock = virtualClock(1_700_000_010_000);
    const fake = fakeFetch(() => {
      clock.advance(300);
      return ok({ unixtime: 1_700_000_000, rfc1123: 'Tue, 14 Nov 23 22:13:20 +0000' });
    });
    const rest = createKrakenRest({ fetch: fake.fetch, clock });
    const r = await measureClockOffset(rest.time, clock);
    expect(r.roundTripMs).toBe(300);
    expect(r.skewed).toBe(true);
    expect(r.offsetMs).toBeLessThan(-9_000);
    expect(fake.requests[0]?.path).toBe('/0/public/Time');
  });
});
