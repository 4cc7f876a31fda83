import { useMemo, useState } from 'preact/hooks';
import type { BookTop } from '../orders/types.ts';
import { LADDER_LEVELS, type LadderLevels, type LadderRow, ladderOf } from './ladder.ts';
import { pure } from './pure.ts';

/** Groups digits of decimal text without going through a float: "97123.40" → "97,123.40". */
export const grouped = (text: string): string => {
  const [int = '', frac] = text.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? withCommas : `${withCommas}.${frac}`;
};

/** 0.0001 % stays readable: two significant digits below 0.01 %. */
const spreadPercent = (p: number) => (p < 0.01 ? p.toPrecision(2) : p.toFixed(3));

function Row({ row, onPick }: { row: LadderRow; onPick(price: string): void }) {
  return (
    <tr
      class={`ladder-${row.side}`}
      data-testid="ladder-row"
      data-side={row.side}
      data-price={row.price}
      style={{ '--share': `${(row.share * 100).toFixed(1)}%` }}
    >
      <td class="ladder-cell">
        <button
          type="button"
          class="ladder-price"
          title={`Use ${grouped(row.price)} as the limit price`}
          onClick={() => onPick(row.price)}
        >
          {grouped(row.price)}
        </button>
      </td>
      <td class="num ladder-cell">{row.qty}</td>
      <td class="num quote ladder-cell">{row.cumulative}</td>
    </tr>
  );
}

/**
 * The verified book's best 10–25 levels a side with the size up to each level and the spread; clicking a price
 * fills the ticket's limit price. Updates as fast as the book does (every checksum-verified message), and only
 * then: a tick or a candle elsewhere in the page does not re-render it.
 */
export const DepthLadder = pure(function DepthLadder({
  book,
  base,
  onPick,
}: {
  book: BookTop | undefined;
  base: string;
  onPick(price: string): void;
}) {
  const [levels, setLevels] = useState<LadderLevels>(15);
  return (
    <section class="ladder" data-testid="depth-ladder" aria-label="Order book">
      <header>
        <h2>Book</h2>
        <label>
          Levels{' '}
          <select
            value={levels}
            onChange={(e) => setLevels(Number((e.target as HTMLSelectElement).value) as LadderLevels)}
            data-testid="ladder-levels"
          >
            {LADDER_LEVELS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </header>
      {!book ? (
        <p class="hint">Waiting for the verified book…</p>
      ) : (
        <LadderTable book={book} levels={levels} base={base} onPick={onPick} />
      )}
    </section>
  );
});

function LadderTable({
  book,
  levels,
  base,
  onPick,
}: {
  book: BookTop;
  levels: number;
  base: string;
  onPick(price: string): void;
}) {
  const ladder = useMemo(() => ladderOf(book, levels), [book, levels]);
  return (
    <table class="ladder-table">
      <thead>
        <tr>
          <th>Price</th>
          <th class="num">Size {base}</th>
          <th class="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {ladder.asks.map((r) => (
          <Row key={`a${r.price}`} row={r} onPick={onPick} />
        ))}
        <tr class="ladder-spread" data-testid="ladder-spread">
          <td colSpan={3} class="ladder-spread-cell">
            {ladder.spread
              ? `Spread ${grouped(ladder.spread.value)} (${spreadPercent(ladder.spread.percent)} %)`
              : 'Spread: one side of the book is empty'}
          </td>
        </tr>
        {ladder.bids.map((r) => (
          <Row key={`b${r.price}`} row={r} onPick={onPick} />
        ))}
      </tbody>
    </table>
  );
}
