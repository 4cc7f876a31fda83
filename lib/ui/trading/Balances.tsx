import { formatMoney } from '../../format/number.ts';
import type { TradingView } from '../../trading/types.ts';
import { useLocale, useT } from '../locale.ts';
import { Confirmed } from './Confirmed.tsx';
import { formatUsd } from './format.ts';

/**
 * Balances of the current account (paper or live): available, held by open orders, value in USD. Shown
 * rounded (down) to the asset's display decimals; the exact values stay in the model. Live without an
 * unlocked key they are unknown — "locked" or "no key", never zero.
 */
export function Balances({
  balances,
  unknown = null,
  confirmedAt = null,
}: {
  balances: TradingView['balances'];
  /** Why the balances cannot be known now (live: the vault locked, or no key). */
  unknown?: 'locked' | 'no-key' | null;
  /** Null while live; else when they were last confirmed (ms, 0: never). */
  confirmedAt?: number | null;
}) {
  const t = useT();
  const locale = useLocale();
  // Fiat at its cents, crypto at up to 8 decimals, rounded down: never more than is held (the exact value is
  // the cell's title).
  const shown = (text: string, asset: string) => formatMoney(text, asset, locale);
  return (
    <section
      class={`trading-panel${confirmedAt !== null ? ' stale' : ''}`}
      data-testid="balances"
      data-stale={confirmedAt !== null ? 'true' : undefined}
      aria-labelledby="balances-title"
    >
      <h2 id="balances-title">{t('balances.title')}</h2>
      {unknown !== null ? (
        <p class="hint" data-testid="balances-unknown" data-kind={unknown}>
          {unknown === 'locked' ? t('balances.locked') : t('balances.noKey')}
        </p>
      ) : (
        <>
          <Confirmed at={confirmedAt} />
          {balances.length === 0 ? (
            <p class="hint">{t('balances.none')}</p>
          ) : (
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">{t('balances.asset')}</th>
                  <th scope="col" class="num">
                    {t('balances.available')}
                  </th>
                  <th scope="col" class="num">
                    {t('balances.hold')}
                  </th>
                  <th scope="col" class="num">
                    {t('balances.usd')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {balances.map((b) => (
                  <tr key={b.asset} data-testid="balance-row" data-asset={b.asset}>
                    <td class="pair">{b.asset}</td>
                    <td class="num" data-testid="balance-available" title={b.available}>
                      {shown(b.available, b.asset)}
                    </td>
                    <td class="num quote" data-testid="balance-hold" title={b.hold}>
                      {shown(b.hold, b.asset)}
                    </td>
                    <td class="num quote" data-testid="balance-usd">
                      {formatUsd(b.usdValue, locale) ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
