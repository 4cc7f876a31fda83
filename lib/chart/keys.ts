// The chart's keyboard: what a key does, and the visible range after a zoom or a pan. Pure, tested alone.

export type ChartKeyAction =
  /** Narrower (factor < 1) or wider (> 1) view, keeping the newest visible candle where it is. */
  | { kind: 'zoom'; factor: number }
  /** Moves the view by this many candles (negative: back in time). */
  | { kind: 'pan'; bars: number }
  /** Moves the keyboard cursor (and the readout) by this many candles. */
  | { kind: 'cursor'; step: number }
  | { kind: 'edge'; to: 'start' | 'end' }
  /** Back to the default view: the newest candles. */
  | { kind: 'reset' };

/** ← → move the cursor; Shift+← → and PageUp / PageDown pan; + − zoom; Home / End jump; 0 resets. */
export function chartKeyAction(key: string, shift: boolean): ChartKeyAction | null {
  switch (key) {
    case 'ArrowLeft':
      return shift ? { kind: 'pan', bars: -10 } : { kind: 'cursor', step: -1 };
    case 'ArrowRight':
      return shift ? { kind: 'pan', bars: 10 } : { kind: 'cursor', step: 1 };
    case 'PageUp':
      return { kind: 'pan', bars: -50 };
    case 'PageDown':
      return { kind: 'pan', bars: 50 };
    case '+':
    case '=':
      return { kind: 'zoom', factor: 0.8 };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1.25 };
    case 'Home':
      return { kind: 'edge', to: 'start' };
    case 'End':
      return { kind: 'edge', to: 'end' };
    case '0':
      return { kind: 'reset' };
    default:
      return null;
  }
}

export interface Range {
  from: number;
  to: number;
}

export const MIN_BARS = 10;
export const MAX_BARS = 1500;

/** The range `factor` times as wide (within MIN_BARS…MAX_BARS), its right edge kept. */
export function zoomed(range: Range, factor: number): Range {
  const width = Math.min(MAX_BARS, Math.max(MIN_BARS, (range.to - range.from) * factor));
  return { from: range.to - width, to: range.to };
}

export const panned = (range: Range, bars: number): Range => ({
  from: range.from + bars,
  to: range.to + bars,
});

/** The default view: the newest `bars` candles with a little room on the right. */
export const newest = (count: number, bars = 120): Range => ({ from: count - bars, to: count + 2 });
