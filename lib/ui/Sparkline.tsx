import { useState } from 'preact/hooks';
import { formatChangePct, formatPrice } from '../market/format.ts';
import type { Sparkline as Line, Tick } from '../market/types.ts';
import { useLocale, useT } from './locale.ts';
import { nearestPoint, sparkCoords, sparkDirection, sparkPath, sparkPoints } from './sparkline.ts';

export const SPARK_WIDTH = 64;
export const SPARK_HEIGHT = 22;

const hhmm = (t: number, locale: string) =>
  new Date(t).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });

/**
 * A pair's last 24 h in its watchlist row, in a box of fixed size whether or not there is data yet (no layout
 * shift), green or red by the 24 h direction. Hover or focus shows a point's price and time (← → move along the
 * line when focused); a click or Enter opens the pair's chart.
 */
export function Sparkline({
  symbol,
  line,
  tick,
  precision,
  onOpen,
}: {
  symbol: string;
  line: Line | undefined;
  tick: Tick | undefined;
  precision: number | undefined;
  onOpen?: (symbol: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [at, setAt] = useState<number | null>(null);
  const points = sparkPoints(line, tick);
  const coords = sparkCoords(points, SPARK_WIDTH, SPARK_HEIGHT);
  if (points.length < 2) {
    return (
      <span class="spark spark-empty" data-testid="sparkline" data-points="0" aria-hidden="true">
        <svg width={SPARK_WIDTH} height={SPARK_HEIGHT} />
      </span>
    );
  }
  const dir = sparkDirection(points);
  const first = points[0] as { price: number };
  const last = points.at(-1) as { price: number };
  const change = ((last.price - first.price) / first.price) * 100;
  const shown = at === null ? null : Math.min(at, points.length - 1);
  const point = shown === null ? null : points[shown];
  const dot = shown === null ? null : coords[shown];
  const label = t(onOpen ? 'spark.labelOpen' : 'spark.label', {
    symbol,
    from: formatPrice(first.price, precision, locale),
    to: formatPrice(last.price, precision, locale),
    change: formatChangePct(change, locale),
  });
  const move = (delta: number) =>
    setAt((i) => Math.max(0, Math.min(points.length - 1, (i ?? points.length - 1) + delta)));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a button cannot hold the SVG's hover readout and arrow keys as one control
    <span
      class={`spark spark-${dir}`}
      data-testid="sparkline"
      data-points={points.length}
      data-direction={dir}
      role="button"
      tabIndex={0}
      aria-label={label}
      onPointerMove={(e) => {
        const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
        setAt(nearestPoint(coords, e.clientX - box.left));
      }}
      onPointerLeave={() => setAt(null)}
      onFocus={() => setAt(points.length - 1)}
      onBlur={() => setAt(null)}
      onClick={() => onOpen?.(symbol)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          move(e.key === 'ArrowLeft' ? -1 : 1);
        } else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen?.(symbol);
        }
      }}
    >
      <svg width={SPARK_WIDTH} height={SPARK_HEIGHT} aria-hidden="true">
        <path d={sparkPath(coords)} />
        {dot && <circle cx={dot.x} cy={dot.y} r="2" />}
      </svg>
      {point && (
        <span class="spark-tip" data-testid="spark-tip" role="status">
          {formatPrice(point.price, precision, locale)} · {hhmm(point.t, locale)}
        </span>
      )}
    </span>
  );
}
