// The chart itself, on TradingView's Lightweight Charts (Apache-2.0; its attribution logo links to
// https://www.tradingview.com/ on the chart, as its licence asks: README "Charts"). Candles, volume bars, the
// crosshair, zoom and pan by mouse and wheel come from the library; this file adds the person's lines (orders
// and alerts, dragged with the pointer), clicks on the price axis, and the keyboard (keys.ts).
import {
  type CandlestickData,
  CandlestickSeries,
  type CreatePriceLineOptions,
  createChart,
  HistogramSeries,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  LineStyle,
  type UTCTimestamp,
} from 'lightweight-charts';
import { formatPrice } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ChartCandle } from '../market/types.ts';
import { type ChartKeyAction, newest, panned, zoomed } from './keys.ts';
import { type ChartLine, lineAt, lineKey, pickedPrice } from './lines.ts';

export interface ChartColors {
  background: string;
  text: string;
  grid: string;
  up: string;
  down: string;
  alert: string;
}

export interface ChartEvents {
  /** The candle under the crosshair or the keyboard cursor; null when neither is on a candle. */
  onHover(candle: ChartCandle | null): void;
  /** A line was dragged and let go at `priceText` (decimal text at the pair's decimals). */
  onDrop(line: ChartLine, priceText: string): void;
  /** The price axis was clicked at `priceText`; `x`, `y` are the click within the chart's box. */
  onAxisPick(priceText: string, x: number, y: number): void;
  /** Whether the oldest candle Kraken serves is in view (the history ends there). */
  onStartVisible(visible: boolean): void;
}

const time = (t: number) => t as UTCTimestamp;
const translucent = (hex: string) => `${hex}66`;
/** A press that moves less than this is a click, not a drag of the price scale. */
const CLICK_SLOP_PX = 4;

export function createChartEngine(
  el: HTMLElement,
  initialColors: ChartColors,
  initialLocale: Locale,
  events: ChartEvents,
) {
  let colors = initialColors;
  let locale = initialLocale;
  let decimals = 2;
  let candles: ChartCandle[] = [];
  let lines: ChartLine[] = [];
  const drawn = new Map<string, IPriceLine>();
  let cursor: number | null = null;
  let drag: { line: ChartLine; price: number | null } | null = null;
  let press: { x: number; y: number } | null = null;

  // The theme's colours and the page's language (dates on the time scale, numbers on the price scale).
  const themed = () => ({
    layout: { background: { color: colors.background }, textColor: colors.text },
    grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
    rightPriceScale: { borderColor: colors.grid },
    timeScale: { borderColor: colors.grid },
  });
  const localization = () => ({
    locale,
    priceFormatter: (p: number) => formatPrice(p.toFixed(decimals), decimals, locale),
  });
  const candleColors = () => ({
    upColor: colors.up,
    downColor: colors.down,
    wickUpColor: colors.up,
    wickDownColor: colors.down,
  });
  const base = themed();
  const chart: IChartApi = createChart(el, {
    autoSize: true,
    ...base,
    layout: { ...base.layout, fontSize: 11, attributionLogo: true },
    timeScale: { ...base.timeScale, timeVisible: true, secondsVisible: false },
    localization: localization(),
  });
  const candleSeries: ISeriesApi<'Candlestick'> = chart.addSeries(CandlestickSeries, {
    ...candleColors(),
    borderVisible: false,
  });
  const volumeSeries: ISeriesApi<'Histogram'> = chart.addSeries(HistogramSeries, {
    priceFormat: { type: 'volume' },
    priceScaleId: 'volume',
    lastValueVisible: false,
    priceLineVisible: false,
  });
  chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });

  const bar = (c: ChartCandle): CandlestickData<UTCTimestamp> => ({
    time: time(c.time),
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
  });
  const volumeBar = (c: ChartCandle) => ({
    time: time(c.time),
    value: c.volume,
    color: translucent(c.close >= c.open ? colors.up : colors.down),
  });

  chart.subscribeCrosshairMove((param) => {
    if (drag) return;
    const t = param.time as number | undefined;
    events.onHover(t === undefined ? null : (candles.find((c) => c.time === t) ?? null));
  });
  chart.timeScale().subscribeVisibleLogicalRangeChange((range) => {
    events.onStartVisible(range !== null && range.from <= 0 && candles.length > 0);
  });

  /** The pointer's place in the chart's box, and whether it is over the candles' pane or the price axis. */
  function place(e: PointerEvent) {
    const box = el.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const pane = chart.paneSize();
    return { x, y, inPane: x <= pane.width && y <= pane.height, onAxis: x > pane.width && y <= pane.height };
  }
  const toY = (price: number) => candleSeries.priceToCoordinate(price);
  const stop = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
  };

  // Capture phase: a press on a line starts our drag and never reaches the library (which would pan instead).
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = place(e);
    const hit = p.inPane ? lineAt(lines, p.y, toY) : null;
    if (hit) {
      drag = { line: hit, price: null };
      el.setPointerCapture(e.pointerId);
      stop(e);
    } else if (p.onAxis) press = { x: p.x, y: p.y };
  };
  const onPointerMove = (e: PointerEvent) => {
    const p = place(e);
    if (!drag) {
      el.style.cursor = p.inPane && lineAt(lines, p.y, toY) ? 'ns-resize' : '';
      return;
    }
    stop(e);
    drag.price = candleSeries.coordinateToPrice(p.y);
    if (drag.price !== null) drawn.get(lineKey(drag.line))?.applyOptions({ price: drag.price });
  };
  const onPointerUp = (e: PointerEvent) => {
    const p = place(e);
    if (drag) {
      stop(e);
      const { line, price } = drag;
      drag = null;
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      const text = pickedPrice(price, decimals);
      if (text !== null && text !== line.priceText) events.onDrop(line, text);
      else drawn.get(lineKey(line))?.applyOptions({ price: line.price }); // back where it was
      return;
    }
    if (press && p.onAxis && Math.hypot(p.x - press.x, p.y - press.y) < CLICK_SLOP_PX) {
      const text = pickedPrice(candleSeries.coordinateToPrice(p.y), decimals);
      if (text !== null) events.onAxisPick(text, p.x, p.y);
    }
    press = null;
  };
  // The library listens to mouse events: while our drag runs, none may reach it.
  const blockMouse = (e: MouseEvent) => {
    if (drag) e.stopPropagation();
  };
  const onPointerLeave = () => {
    if (!drag) el.style.cursor = '';
  };
  el.addEventListener('pointerdown', onPointerDown, true);
  el.addEventListener('pointerleave', onPointerLeave);
  el.addEventListener('pointermove', onPointerMove, true);
  el.addEventListener('pointerup', onPointerUp, true);
  for (const type of ['mousedown', 'mousemove', 'mouseup'] as const)
    el.addEventListener(type, blockMouse, true);

  function lineOptions(l: ChartLine): CreatePriceLineOptions {
    const color = l.kind === 'alert' ? colors.alert : l.side === 'buy' ? colors.up : colors.down;
    return {
      price: l.price,
      color,
      lineWidth: 1,
      lineStyle: l.kind === 'alert' ? LineStyle.Dashed : LineStyle.Solid,
      axisLabelVisible: true,
      title: l.label,
    };
  }

  function showCursor(): void {
    const c = cursor === null ? undefined : candles[cursor];
    if (!c) return;
    chart.setCrosshairPosition(c.close, time(c.time), candleSeries);
    events.onHover(c);
  }

  return {
    /** A new pair or interval: every candle at once, the newest in view. */
    setCandles(next: readonly ChartCandle[], priceDecimals: number): void {
      decimals = priceDecimals;
      candles = [...next];
      cursor = null;
      const minMove = 10 ** -priceDecimals;
      candleSeries.applyOptions({ priceFormat: { type: 'price', precision: priceDecimals, minMove } });
      candleSeries.setData(candles.map(bar));
      volumeSeries.setData(candles.map(volumeBar));
      chart.timeScale().setVisibleLogicalRange(newest(candles.length));
    },

    /** Live candles (the forming one, a new one): only those not older than the newest drawn. */
    update(live: readonly ChartCandle[]): void {
      for (const c of live) {
        const last = candles.at(-1);
        if (last && c.time < last.time) continue;
        if (last && c.time === last.time) candles[candles.length - 1] = c;
        else candles.push(c);
        candleSeries.update(bar(c));
        volumeSeries.update(volumeBar(c));
      }
    },

    /** Draws exactly these lines (a line being dragged stays where the pointer holds it). */
    setLines(next: readonly ChartLine[]): void {
      lines = [...next];
      const keep = new Set(lines.map(lineKey));
      for (const [key, pl] of drawn) {
        if (keep.has(key)) continue;
        candleSeries.removePriceLine(pl);
        drawn.delete(key);
      }
      for (const l of lines) {
        const pl = drawn.get(lineKey(l));
        if (drag && lineKey(drag.line) === lineKey(l)) continue;
        if (pl) pl.applyOptions(lineOptions(l));
        else drawn.set(lineKey(l), candleSeries.createPriceLine(lineOptions(l)));
      }
    },

    /** The page's theme changed: every colour again, the volume bars' and the lines' too. */
    setColors(next: ChartColors): void {
      colors = next;
      chart.applyOptions(themed());
      candleSeries.applyOptions(candleColors());
      volumeSeries.setData(candles.map(volumeBar));
      for (const l of lines) drawn.get(lineKey(l))?.applyOptions(lineOptions(l));
    },

    /** The page's language changed: the scales' dates and numbers follow. */
    setLocale(next: Locale): void {
      if (next === locale) return;
      locale = next;
      chart.applyOptions({ localization: localization() });
    },

    /** Where a line is drawn on screen (tests and the confirm bar), or null when off scale. */
    lineY: (l: ChartLine): number | null => toY(l.price),

    key(action: ChartKeyAction): void {
      const ts = chart.timeScale();
      const range = ts.getVisibleLogicalRange() ?? newest(candles.length);
      switch (action.kind) {
        case 'zoom':
          ts.setVisibleLogicalRange(zoomed(range, action.factor));
          return;
        case 'pan':
          ts.setVisibleLogicalRange(panned(range, action.bars));
          return;
        case 'cursor':
          cursor = Math.max(0, Math.min(candles.length - 1, (cursor ?? candles.length - 1) + action.step));
          if (cursor < range.from || cursor > range.to) ts.setVisibleLogicalRange(panned(range, action.step));
          showCursor();
          return;
        case 'edge':
          cursor = action.to === 'start' ? 0 : candles.length - 1;
          ts.setVisibleLogicalRange(
            action.to === 'start'
              ? { from: -2, to: range.to - range.from - 2 }
              : newest(candles.length, range.to - range.from),
          );
          showCursor();
          return;
        case 'reset':
          cursor = null;
          chart.clearCrosshairPosition();
          ts.setVisibleLogicalRange(newest(candles.length));
          events.onHover(null);
          return;
        default: {
          const never: never = action;
          throw new RangeError(`unknown chart key ${JSON.stringify(never)}`);
        }
      }
    },

    /** The keyboard cursor leaves (focus moved away). */
    blur(): void {
      cursor = null;
      chart.clearCrosshairPosition();
    },

    destroy(): void {
      el.removeEventListener('pointerdown', onPointerDown, true);
      el.removeEventListener('pointerleave', onPointerLeave);
      el.removeEventListener('pointermove', onPointerMove, true);
      el.removeEventListener('pointerup', onPointerUp, true);
      for (const type of ['mousedown', 'mousemove', 'mouseup'] as const)
        el.removeEventListener(type, blockMouse, true);
      chart.remove();
    },
  };
}

export type ChartEngine = ReturnType<typeof createChartEngine>;
