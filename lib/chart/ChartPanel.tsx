import { useEffect, useId, useRef, useState } from 'preact/hooks';
import './chart.css';
import type { AlertsView } from '../alerts/service.ts';
import { formatDecimal } from '../format/number.ts';
import { CHART_INTERVALS, type ChartCandle, type ChartInterval } from '../market/types.ts';
import type { OrderView } from '../orders/types.ts';
import { errorText } from '../ui/error-text.ts';
import { useLocale, useT } from '../ui/locale.ts';
import { chartKey } from '../ui/market-model.ts';
import { pure } from '../ui/pure.ts';
import { AmendConfirm, AxisPick, themeColors, useThemeChanges } from './ChartParts.tsx';
import { type ChartEngine, createChartEngine } from './engine.ts';
import { chartKeyAction } from './keys.ts';
import { alertDirection, alertLines, type ChartLine, lineKey, orderLines } from './lines.ts';
import { INTERVAL_IDS, intervalLabel, readoutText } from './readout.ts';
import { type SeriesActions, useSeries } from './use-series.ts';

export interface ChartActions extends SeriesActions {
  /** trading.amend: Kraken's amend keeps the order id and, where it can, its queue priority. */
  amend(id: string, change: { limitPrice?: string; triggerPrice?: string }): Promise<unknown>;
  /** alerts.edit */
  editAlert(id: string, changes: Record<string, unknown>): Promise<unknown>;
}

/** What a price picked on the axis is for. */
export type PickKind = 'limit' | 'alert';

type Note = { tone: 'error' | 'info'; text: string } | null;

/**
 * A pair's live candlestick chart: intervals 1m…1w, volume, a crosshair with an OHLCV readout, zoom and pan by
 * mouse, wheel and keyboard; the person's open orders and alerts as lines. Dragging an order line asks to amend
 * the order (nothing is sent before "Amend" is pressed); dragging an alert line moves the alert; clicking the
 * price axis offers the price as the ticket's limit or a new alert's level. It renders again only when one of
 * its props changes (a tick of another pair, or the ticket's typing, does not touch it).
 */
export const ChartPanel = pure(function ChartPanel({
  symbol,
  decimals,
  last,
  recent,
  epoch,
  orders,
  alerts,
  actions,
  onPick,
}: {
  symbol: string;
  /** The pair's price decimals. */
  decimals: number;
  /** The last trade price (alert lines dragged across it change direction). */
  last: number | undefined;
  /** MarketView.candles: the newest candles of every watched chart. */
  recent: Readonly<Record<string, ChartCandle[]>>;
  epoch: number;
  orders: readonly OrderView[];
  alerts: AlertsView | undefined;
  actions: ChartActions;
  onPick?: (kind: PickKind, price: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const words = { t, locale };
  const formatted = (text: string) => formatDecimal(text, { locale });
  const [interval, setSpan] = useState<ChartInterval>(60);
  const { series, error } = useSeries(actions, symbol, interval, epoch);
  const box = useRef<HTMLDivElement>(null);
  const engine = useRef<ChartEngine | null>(null);
  const [hover, setHover] = useState<ChartCandle | null>(null);
  const [atStart, setAtStart] = useState(false);
  const [drawn, setDrawn] = useState(0);
  const [axis, setAxis] = useState<{ price: string; y: number } | null>(null);
  const [pending, setPending] = useState<{ line: ChartLine; price: string } | null>(null);
  const [moved, setMoved] = useState<Record<string, string>>({});
  const [note, setNote] = useState<Note>(null);
  const [sending, setSending] = useState(false);
  const readoutId = useId();
  const dropRef = useRef<(line: ChartLine, price: string) => void>(() => {});
  const pickRef = useRef<(price: string, y: number) => void>(() => {});

  useEffect(() => {
    if (!box.current) return;
    engine.current = createChartEngine(box.current, themeColors(), locale, {
      onHover: setHover,
      onDrop: (line, price) => dropRef.current(line, price),
      onAxisPick: (price, _x, y) => pickRef.current(price, y),
      onStartVisible: setAtStart,
    });
    return () => {
      engine.current?.destroy();
      engine.current = null;
    };
  }, []);
  useThemeChanges(() => engine.current?.setColors(themeColors()));
  useEffect(() => engine.current?.setLocale(locale), [locale]);

  useEffect(() => {
    const e = engine.current;
    if (!series) setDrawn(0); // another pair or interval is on its way
    if (!e || !series) return;
    e.setCandles(series.candles, decimals);
    e.update(recent[chartKey(symbol, interval)] ?? []);
    setHover(null);
    // Drawn once the library's frame (requested by setData) has run: the bench's first-paint mark.
    const raf = requestAnimationFrame(() => {
      performance.mark('chart-drawn', { detail: { candles: series.candles.length } });
      setDrawn(series.candles.length);
    });
    return () => cancelAnimationFrame(raf);
  }, [series, decimals]);

  const live = recent[chartKey(symbol, interval)];
  useEffect(() => {
    if (series && live) engine.current?.update(live);
  }, [live, series]);

  // Lines, each at the price it was dropped at while its change is asked or on its way.
  const lines = [...orderLines(orders, symbol, words), ...alertLines(alerts, symbol, words)].map((l) => {
    const at = pending && lineKey(pending.line) === lineKey(l) ? pending.price : moved[lineKey(l)];
    return at === undefined ? l : { ...l, price: Number(at), priceText: at };
  });
  const linesKey = lines.map((l) => `${lineKey(l)}@${l.priceText}:${l.label}`).join('|');
  useEffect(() => engine.current?.setLines(lines), [linesKey, drawn]);
  // A moved line's override ends once the background's view has the new price (or the line is gone).
  useEffect(() => {
    const real = new Map(
      [...orderLines(orders, symbol, words), ...alertLines(alerts, symbol, words)].map((l) => [
        lineKey(l),
        l.priceText,
      ]),
    );
    const left = Object.entries(moved).filter(([k, p]) => real.has(k) && Number(real.get(k)) !== Number(p));
    if (left.length !== Object.keys(moved).length) setMoved(Object.fromEntries(left));
  }, [orders, alerts]);

  dropRef.current = (line, price) => {
    setAxis(null);
    setNote(null);
    if (line.kind === 'order') {
      setPending({ line, price });
      return;
    }
    const direction = alertDirection(Number(price), last, line.direction);
    setMoved((m) => ({ ...m, [lineKey(line)]: price }));
    actions.editAlert(line.id, { level: price, direction }).then(
      () => {
        const where = direction === 'above' ? t('chart.direction.above') : t('chart.direction.below');
        setNote({ tone: 'info', text: t('chart.alertMoved', { price: formatted(price), direction: where }) });
      },
      (e: unknown) => {
        setMoved(({ [lineKey(line)]: _, ...rest }) => rest);
        setNote({ tone: 'error', text: t('chart.alertNotMoved', { reason: errorText(e, t) }) });
      },
    );
  };
  pickRef.current = (price, y) => {
    if (onPick) setAxis({ price, y });
  };

  const amend = async () => {
    if (pending?.line.kind !== 'order' || sending) return;
    const { line, price } = pending;
    setSending(true);
    try {
      await actions.amend(line.id, { [line.field]: price });
      setMoved((m) => ({ ...m, [lineKey(line)]: price }));
      setNote({ tone: 'info', text: t('chart.amended', { price: formatted(price) }) });
    } catch (e) {
      setNote({ tone: 'error', text: t('chart.notAmended', { reason: errorText(e, t) }) });
    } finally {
      setSending(false);
      setPending(null);
    }
  };

  const shown = hover ?? series?.candles.at(-1) ?? null;
  const latest = live?.at(-1);
  const readout = shown ? readoutText(hover ? shown : (latest ?? shown), interval, decimals, t, locale) : '';
  return (
    <section class="chart-panel" data-testid="chart-panel" data-symbol={symbol}>
      <fieldset class="chart-intervals" aria-label={t('chart.intervals')}>
        {CHART_INTERVALS.map((i) => (
          <button
            key={i}
            type="button"
            aria-pressed={i === interval}
            class={i === interval ? 'on' : ''}
            data-testid={`interval-${INTERVAL_IDS[i]}`}
            onClick={() => setSpan(i)}
          >
            {intervalLabel(i, t)}
          </button>
        ))}
      </fieldset>
      <div class="chart-frame">
        <div
          ref={box}
          class="chart-box"
          data-testid="chart"
          data-candles={drawn}
          data-interval={interval}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region that takes the keyboard (keys.ts)
          tabIndex={0}
          role="application"
          aria-roledescription={t('chart.role')}
          aria-label={t('chart.label', { symbol, interval: intervalLabel(interval, t) })}
          aria-describedby={readoutId}
          onKeyDown={(e) => {
            const action = chartKeyAction(e.key, e.shiftKey);
            if (!action) return;
            e.preventDefault();
            engine.current?.key(action);
          }}
          onBlur={() => engine.current?.blur()}
        />
        {atStart && series && (
          <p class="chart-start" data-testid="chart-start">
            {series.limited
              ? t('chart.limited', { count: Math.min(720, series.candles.length) })
              : t('chart.historyStart')}
          </p>
        )}
        {!series && (
          <p class="chart-loading">
            {error ? t('chart.noCandles', { reason: errorText(error.cause, t) }) : t('chart.loading')}
          </p>
        )}
        {axis && onPick && (
          <AxisPick
            price={axis.price}
            y={axis.y}
            onPick={(kind) => {
              onPick(kind, axis.price);
              setAxis(null);
            }}
            onClose={() => setAxis(null)}
          />
        )}
      </div>
      {/* The lines are drawn on a canvas: listed here for screen readers (and read by the e2e tests). */}
      <ul class="sr-only" data-testid="chart-lines" aria-label={t('chart.lines')}>
        {lines.map((l) => (
          <li key={lineKey(l)} data-kind={l.kind} data-id={l.id} data-price={l.priceText}>
            {l.kind === 'order'
              ? t('chart.line.order', { label: l.label, price: formatted(l.priceText) })
              : t('chart.line.alert', { label: l.label, price: formatted(l.priceText) })}
          </li>
        ))}
      </ul>
      <p class="chart-readout" id={readoutId} data-testid="chart-readout" aria-live="polite">
        {readout}
      </p>
      {pending && pending.line.kind === 'order' && (
        <AmendConfirm
          line={pending.line}
          price={pending.price}
          symbol={symbol}
          sending={sending}
          onAmend={amend}
          onKeep={() => setPending(null)}
        />
      )}
      {note && (
        <p class={note.tone === 'error' ? 'error' : 'hint'} role="status" data-testid="chart-note">
          {note.text}
        </p>
      )}
    </section>
  );
});
