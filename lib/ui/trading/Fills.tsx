import type { FillView } from '../../orders/types.ts';
import { amount, formatAge, group } from './format.ts';

/** Recent fills, newest first; whether each completed its order (full) or not (partial). */
export function Fills({ fills, now }: { fills: readonly FillView[]; now: number }) {
  const recent = [...fills].sort((a, b) => b.at - a.at);
  return (
    <section class="trading-panel" data-testid="fills">
      <h2>Recent fills</h2>
      {recent.length === 0 ? (
        <p class="hint">No fills yet.</p>
      ) : (
        <table class="grid">
          <tbody>
            {recent.map((f) => (
              <tr key={f.id} data-testid="fill-row" data-fill-id={f.id} data-complete={String(f.complete)}>
                <td>
                  <span class={f.side === 'buy' ? 'pos' : 'neg'}>{f.side}</span> {amount(f.qty)}{' '}
                  <b>{f.symbol}</b>
                  <br />
                  <span class="quote">
                    {f.complete ? 'full' : 'partial'} · {f.liquidity}
                  </span>
                </td>
                <td class="num">
                  @ {group(f.price)}
                  <br />
                  <span class="quote">
                    fee {amount(f.fee)} {f.feeAsset}
                  </span>
                </td>
                <td class="num quote">{formatAge(now - f.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
