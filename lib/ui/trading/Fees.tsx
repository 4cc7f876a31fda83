import { useState } from 'preact/hooks';
import { cmp, normalize, sub } from '../../kraken/pairs/exact.ts';
import { KRAKEN_PRO_TIERS } from '../../orders/fees.ts';
import type { FeesView, TradingView } from '../../trading/types.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { amount } from './format.ts';

/** "12,345 USD more 30-day volume for 0.14 % maker / 0.24 % taker", or that this is the top tier. */
export function nextTierText(fees: FeesView): string | null {
  if (fees.volume === undefined) return null;
  if (!fees.next) return 'This is the top tier.';
  const more = sub(fees.next.volume, fees.volume);
  const rates = `${fees.next.makerPercent !== undefined ? `${fees.next.makerPercent} % maker / ` : ''}${fees.next.takerPercent} % taker`;
  return cmp(more, '0') > 0
    ? `${amount(normalize(more))} USD more 30-day volume for ${rates}.`
    : `The next tier (${rates}) applies from ${amount(fees.next.volume)} USD.`;
}

type Choice = 'starter' | 'live' | 'volume';

/**
 * The account's fee tier and the volume to the next one (Kraken's TradeVolume when live). In paper mode, a
 * picker for the tier the paper account charges: Kraken Pro's starter tier, the live account's own, or the tier
 * of a 30-day volume (https://www.kraken.com/features/fee-schedule).
 */
export function Fees({
  trading,
  actions,
}: {
  trading: Pick<TradingView, 'fees' | 'mode'>;
  actions: Pick<TradingActions, 'setPaperFees'>;
}) {
  const { fees, mode } = trading;
  const chosen = fees.chosen ?? 'starter';
  const [choice, setChoice] = useState<Choice>(typeof chosen === 'number' ? 'volume' : chosen);
  const [volume, setVolume] = useState(typeof chosen === 'number' ? String(chosen) : '');
  const [error, setError] = useState<string | null>(null);
  const apply = async (tier: 'starter' | 'live' | number) => {
    setError(null);
    try {
      await actions.setPaperFees(tier);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const next = nextTierText(fees);
  const where =
    fees.source === 'account'
      ? 'your Kraken tier'
      : fees.source === 'chosen'
        ? `the tier of ${amount(fees.volume ?? '0')} USD`
        : 'Kraken Pro starter tier';
  return (
    <section class="trading-panel fees" data-testid="fees" data-source={fees.source}>
      <h2>Fees</h2>
      <p>
        <span data-testid="fees-rates">
          {fees.makerPercent} % maker · {fees.takerPercent} % taker
        </span>{' '}
        <span class="hint">({where})</span>
      </p>
      {fees.source === 'account' && fees.volume !== undefined && (
        <p class="hint" data-testid="fees-volume">
          30-day volume {amount(fees.volume)} USD. {next}
        </p>
      )}
      {mode === 'paper' && (
        <div class="ticket-row">
          <label class="hint" for="paper-fees">
            Paper account pays
          </label>
          <select
            id="paper-fees"
            data-testid="paper-fees"
            value={choice}
            onChange={(e) => {
              const next = (e.currentTarget as HTMLSelectElement).value as Choice;
              setChoice(next);
              if (next !== 'volume') void apply(next);
            }}
          >
            <option value="starter">the starter tier</option>
            <option value="live">my Kraken tier</option>
            <option value="volume">the tier of a 30-day volume…</option>
          </select>
          {choice === 'volume' && (
            <>
              <input
                class="amount"
                data-testid="paper-fees-volume"
                aria-label="30-day volume in USD"
                inputMode="numeric"
                placeholder="USD"
                value={volume}
                onInput={(e) => setVolume((e.currentTarget as HTMLInputElement).value)}
              />
              <button
                type="button"
                class="small"
                data-testid="paper-fees-apply"
                onClick={() => {
                  const n = Number(volume.replaceAll(',', ''));
                  if (!/^\d+$/.test(volume.replaceAll(',', '').trim()) || !Number.isSafeInteger(n))
                    setError('Enter a whole number of USD, like 50000.');
                  else void apply(n);
                }}
              >
                Use
              </button>
            </>
          )}
        </div>
      )}
      {mode === 'paper' && chosen === 'live' && fees.source !== 'account' && (
        <p class="hint">
          Your Kraken tier is not known yet (it is read when live trading runs): starter meanwhile.
        </p>
      )}
      {mode === 'paper' && choice === 'volume' && (
        <p class="hint">
          Tiers from {KRAKEN_PRO_TIERS.map((t) => amount(String(t.volume))).join(' · ')} USD.
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="fees-error">
          {error}
        </p>
      )}
    </section>
  );
}
