// The watchlist's sparkline, as numbers: the background's 24 h of 15-minute closes (lib/market/sparklines.ts)
// with the live price appended, scaled into a fixed box. Pure, so it is tested without a DOM.
import type { Sparkline, Tick } from '../market/types.ts';

export interface SparkPoint {
  /** ms since the epoch */
  t: number;
  price: number;
}

/** The history's closes, then the live price when it is newer than the last close. */
export function sparkPoints(line: Sparkline | undefined, tick: Tick | undefined): SparkPoint[] {
  const points = (line?.closes ?? []).map((price, i) => ({ t: line?.times[i] ?? 0, price }));
  const last = points.at(-1);
  if (tick && Number.isFinite(tick.last) && tick.last > 0 && (!last || tick.receivedAt > last.t))
    points.push({ t: tick.receivedAt, price: tick.last });
  return points;
}

/** Up when the line ends at or above where it began 24 h ago. */
export function sparkDirection(points: readonly SparkPoint[]): 'up' | 'down' {
  const first = points[0];
  const last = points.at(-1);
  return first && last && last.price < first.price ? 'down' : 'up';
}

/** Each point's place in a `width` × `height` box (y grows downward), `pad` pixels kept clear all round. */
export function sparkCoords(
  points: readonly SparkPoint[],
  width: number,
  height: number,
  pad = 1.5,
): { x: number; y: number }[] {
  if (points.length === 0) return [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    lo = Math.min(lo, p.price);
    hi = Math.max(hi, p.price);
  }
  const span = hi - lo;
  const t0 = (points[0] as SparkPoint).t;
  const tSpan = (points.at(-1) as SparkPoint).t - t0;
  return points.map((p) => ({
    x: tSpan > 0 ? pad + ((p.t - t0) / tSpan) * (width - 2 * pad) : width / 2,
    y: span > 0 ? pad + (1 - (p.price - lo) / span) * (height - 2 * pad) : height / 2,
  }));
}

/** An SVG path through the coordinates, to one decimal. */
export function sparkPath(coords: readonly { x: number; y: number }[]): string {
  return coords.map((c, i) => `${i === 0 ? 'M' : 'L'}${c.x.toFixed(1)} ${c.y.toFixed(1)}`).join('');
}

/** The point nearest to `x` (the pointer's place in the box). */
export function nearestPoint(coords: readonly { x: number }[], x: number): number {
  let best = 0;
  for (let i = 1; i < coords.length; i++)
    if (Math.abs((coords[i] as { x: number }).x - x) < Math.abs((coords[best] as { x: number }).x - x))
      best = i;
  return best;
}
