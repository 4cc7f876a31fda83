import { useMemo, useState } from 'preact/hooks';
import { formatDecimal, symbolsOf } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import type { BookTop } from '../orders/types.ts';
import { LADDER_LEVELS, type LadderLevels, type LadderRow, ladderOf } from './ladder.ts';
import { useLocale, useT } from './locale.ts';
import { pure } from './pure.ts';

/** Book text in the locale's way: prices at the pair's decimals, sizes at the most decimals any row shows. */
interface Digits {
  locale: Locale;
  price: number | undefined;
  size: number;
}
const decimalsOf = (text: string) => text.split('.')[1]?.length ?? 0;
const priceText = (text: string, d: Digits) =>
  formatDecimal(text, d.price === undefined ? { locale: d.locale } : { locale: d.locale, decimals: d.price });
const sizeText = (text: string, d: Digits) => formatDecimal(text, { locale: d.locale, decimals: d.size });

/** 0.0001 % stays readable: two significant digits below 0.01 %, three decimals above. */
export function spreadPercent(p: number, locale: Locale): string {
  const text = p < 0.01 ? Number(p.toPrecision(2)).toFixed(8) : p.toFixed(3);
  const body = formatDecimal(text, { locale, maxDecimals: 8, minDecimals: p < 0.01 ? 0 : 3 });
  return `${body}${symbolsOf(locale).percentGap}%`;
}

function Row({ row, digits, onPick }: { row: LadderRow; digits: Digits; onPick(price: string): void }) {
  const t = useT();
  const price = priceText(row.price, digits);
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
          title={t('ladder.use', { price })}
          onClick={() => onPick(row.price)}
        >
          {price}
        </button>
      </td>
      <td class="num ladder-cell">{sizeText(row.qty, digits)}</td>
      <td class="num quote ladder-cell">{sizeText(row.cumulative, digits)}</td>
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
  decimals,
  onPick,
}: {
  book: BookTop | undefined;
  base: string;
  /** The pair's price decimals, once the instrument is known. */
  decimals?: number | undefined;
  onPick(price: string): void;
}) {
  const t = useT();
  const [levels, setLevels] = useState<LadderLevels>(15);
  return (
    <section class="ladder" data-testid="depth-ladder" aria-label={t('ladder.label')}>
      <header>
        <h2>{t('ladder.title')}</h2>
        <label>
          {t('ladder.levels')}{' '}
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
        <p class="hint">{t('ladder.waiting')}</p>
      ) : (
        <LadderTable book={book} levels={levels} base={base} decimals={decimals} onPick={onPick} />
      )}
    </section>
  );
});

function LadderTable({
  book,
  levels,
  base,
  decimals,
  onPick,
}: {
  book: BookTop;
  levels: number;
  base: string;
  decimals: number | undefined;
  onPick(price: string): void;
}) {
  const t = useT();
  const locale = useLocale();
  const ladder = useMemo(() => ladderOf(book, levels), [book, levels]);
  const rows = [...ladder.asks, ...ladder.bids];
  const digits: Digits = {
    locale,
    price: decimals,
    size: Math.max(0, ...rows.flatMap((r) => [decimalsOf(r.qty), decimalsOf(r.cumulative)])),
  };
  return (
    <table class="ladder-table">
      <thead>
        <tr>
          <th scope="col">{t('ladder.price')}</th>
          <th scope="col" class="num">
            {t('ladder.size', { base })}
          </th>
          <th scope="col" class="num">
            {t('ladder.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {ladder.asks.map((r) => (
          <Row key={`a${r.price}`} row={r} digits={digits} onPick={onPick} />
        ))}
        <tr class="ladder-spread" data-testid="ladder-spread">
          <td colSpan={3} class="ladder-spread-cell">
            {ladder.spread
              ? t('ladder.spread', {
                  value: priceText(ladder.spread.value, digits),
                  percent: spreadPercent(ladder.spread.percent, locale),
                })
              : t('ladder.oneSided')}
          </td>
        </tr>
        {ladder.bids.map((r) => (
          <Row key={`b${r.price}`} row={r} digits={digits} onPick={onPick} />
        ))}
      </tbody>
    </table>
  );
}
