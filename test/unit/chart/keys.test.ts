import { describe, expect, it } from 'vitest';
import { chartKeyAction, MIN_BARS, newest, panned, zoomed } from '../../../lib/chart/keys.ts';

describe('chart keyboard', () => {
  it.each([
    ['ArrowLeft', false, { kind: 'cursor', step: -1 }],
    ['ArrowRight', true, { kind: 'pan', bars: 10 }],
    ['PageUp', false, { kind: 'pan', bars: -50 }],
    ['+', false, { kind: 'zoom', factor: 0.8 }],
    ['-', false, { kind: 'zoom', factor: 1.25 }],
    ['Home', false, { kind: 'edge', to: 'start' }],
    ['0', false, { kind: 'reset' }],
    ['a', false, null],
  ] as const)('%s (shift %s)', (key, shift, action) => {
    expect(chartKeyAction(key, shift)).toEqual(action);
  });

  it('zooms around the newest candle shown, within limits', () => {
    expect(zoomed({ from: 0, to: 100 }, 0.5)).toEqual({ from: 50, to: 100 });
    expect(zoomed({ from: 90, to: 100 }, 0.5)).toEqual({ from: 100 - MIN_BARS, to: 100 });
    expect(panned({ from: 0, to: 100 }, -10)).toEqual({ from: -10, to: 90 });
    expect(newest(720)).toEqual({ from: 600, to: 722 });
  });
});
