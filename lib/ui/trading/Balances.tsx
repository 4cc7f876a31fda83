import type { TradingView } from '../../trading/types.ts';
import { amount, formatUsd } from './format.ts';

/** Balances of the current account (paper or live): available, held by open orders, value in USD. */
export function Balances({ balances }: { balances: TradingView['balances'] }) {
  return (
    <section class="trading-panel" data-testid="balances">
      <h2>Balances</h2>
      {balances.length === 0 ? (
        <p class="hint">No balances yet.</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>Asset</th>
              <th class="num">Available</th>
              <th class="num">On hold</th>
              <th class="num">≈ USD</th>
            </tr>
          </thead>
          <tbody>
            {balances.map((b) => (
              <tr key={b.asset} data-testid="balance-row" data-asset={b.asset}>
                <td class="pair">{b.asset}</td>
                <td class="num" data-testid="balance-available">
                  {amount(b.available)}
                </td>
                <td class="num quote" data-testid="balance-hold">
                  {amount(b.hold)}
                </td>
                <td class="num quote" data-testid="balance-usd">
                  {formatUsd(b.usdValue) ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
