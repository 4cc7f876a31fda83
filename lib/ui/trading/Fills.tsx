import type { FillView } from '../../orders/types.ts';
import { useLocale, useT } from '../locale.ts';
import { amount, formatAge, priceText, wordsOf } from './format.ts';

/** Recent fills, newest first; whether each completed its order (full) or not (partial). */
export function Fills({ fills, now }: { fills: readonly FillView[]; now: number }) {
  const t = useT();
  const w = wordsOf(useLocale());
  const recent = [...fills].sort((a, b) => b.at - a.at);
  return (
    <section class="trading-panel" data-testid="fills" aria-labelledby="fills-title">
      <h2 id="fills-title">{t('fills.title')}</h2>
      {recent.length === 0 ? (
        <p class="hint">{t('fills.none')}</p>
      ) : (
        <table class="grid">
          <tbody>
            {recent.map((f) => (
              <tr key={f.id} data-testid="fill-row" data-fill-id={f.id} data-complete={String(f.complete)}>
                <td>
                  <span class={f.side === 'buy' ? 'pos' : 'neg'}>
                    {t(f.side === 'buy' ? 'order.side.buy' : 'order.side.sell')}
                  </span>{' '}
                  <span class="num">{amount(f.qty, w.locale)}</span> <b>{f.symbol}</b>
                  <br />
                  <span class="quote">
                    {f.complete ? t('fills.full') : t('fills.partial')} ·{' '}
                    {f.liquidity === 'maker' ? t('fills.maker') : t('fills.taker')}
                  </span>
                </td>
                <td class="num">
                  @ {priceText(f.price, w.locale)}
                  <br />
                  <span class="quote">
                    {t('fills.fee', { fee: amount(f.fee, w.locale), asset: f.feeAsset })}
                  </span>
                </td>
                <td class="num quote">{formatAge(now - f.at, w)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
