// @vitest-environment happy-dom
// A chart's candles as the side panel asks for them (lib/chart/use-series.ts): a first ask that fails is said,
// and mended by the next renewal rather than left as an error until the page is reopened.
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENEW_MS, type SeriesActions, useSeries } from '../../../lib/chart/use-series.ts';
import type { CandleSeries } from '../../../lib/market/types.ts';

const SERIES = { symbol: 'BTC/USD', interval: 60, candles: [] } as unknown as CandleSeries;

function Probe({ actions }: { actions: SeriesActions }) {
  const { series, error } = useSeries(actions, 'BTC/USD', 60, 0);
  return <p>{series ? 'series' : error ? 'error' : 'loading'}</p>;
}

describe('useSeries', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('a first ask that failed shows the error, then the candles once a renewal is answered', async () => {
    const answers = [
      Promise.reject(new Error('the background did not answer')),
      Promise.resolve({ series: SERIES }),
    ];
    const watch = vi.fn(() => answers.shift() ?? Promise.resolve({ series: SERIES }));
    const { container } = render(<Probe actions={{ watch, unwatch: async () => ({}) }} />);
    await act(async () => {});
    expect(container.textContent).toBe('error');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(RENEW_MS);
    });
    expect(watch).toHaveBeenCalledTimes(2);
    expect(container.textContent).toBe('series');
  });

  it('once shown, a renewal does not hand the chart its candles again', async () => {
    const watch = vi.fn(async () => ({ series: { ...SERIES } as CandleSeries }));
    let renders = 0;
    function Counting({ actions }: { actions: SeriesActions }) {
      const { series } = useSeries(actions, 'BTC/USD', 60, 0);
      if (series) renders += 1;
      return null;
    }
    render(<Counting actions={{ watch, unwatch: async () => ({}) }} />);
    await act(async () => {});
    const after = renders;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(RENEW_MS * 2);
    });
    expect(watch).toHaveBeenCalledTimes(3);
    expect(renders).toBe(after);
  });
});
