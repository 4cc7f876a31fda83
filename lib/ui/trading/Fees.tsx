import { useState } from 'preact/hooks';
import { formatPercent } from '../../format/number.ts';
import { cmp, normalize, sub } from '../../kraken/pairs/exact.ts';
import { KRAKEN_PRO_TIERS } from '../../orders/fees.ts';
import type { FeesView, TradingView } from '../../trading/types.ts';
import { useLocale } from '../locale.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { amount, ENGLISH, type Words, wordsOf } from './format.ts';

/** "12,345 USD more 30-day volume for 0.14% maker / 0.24% taker", or that this is the top tier. */
export function nextTierText(fees: FeesView, w: Words = ENGLISH): string | null {
  const { t, locale } = w;
  if (fees.volume === undefined) return null;
  if (!fees.next) return t('feesPanel.top');
  const more = sub(fees.next.volume, fees.volume);
  const taker = formatPercent(fees.next.takerPercent, locale);
  const rates =
    fees.next.makerPercent !== undefined
      ? t('fees.rates', { maker: formatPercent(fees.next.makerPercent, locale), taker })
      : t('feesPanel.takerOnly', { taker });
  return cmp(more, '0') > 0
    ? t('feesPanel.more', { volume: amount(normalize(more), locale), rates })
    : t('feesPanel.from', { rates, volume: amount(fees.next.volume, locale) });
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
  const w = wordsOf(useLocale());
  const { t, locale } = w;
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
      setError(messageOf(e, t));
    }
  };
  const next = nextTierText(fees, w);
  const where =
    fees.source === 'account'
      ? t('feesPanel.whereAccount')
      : fees.source === 'chosen'
        ? t('feesPanel.whereChosen', { volume: amount(fees.volume ?? '0', locale) })
        : t('feesPanel.whereStarter');
  return (
    <section class="trading-panel fees" data-testid="fees" data-source={fees.source}>
      <h2>{t('fees.live')}</h2>
      <p>
        <span data-testid="fees-rates" class="num">
          {t('fees.rates', {
            maker: formatPercent(fees.makerPercent, locale),
            taker: formatPercent(fees.takerPercent, locale),
          })}
        </span>{' '}
        <span class="hint">({where})</span>
      </p>
      {fees.source === 'account' && fees.volume !== undefined && (
        <p class="hint" data-testid="fees-volume">
          {t('feesPanel.volume', { volume: amount(fees.volume, locale) })} {next}
        </p>
      )}
      {mode === 'paper' && (
        <div class="ticket-row">
          <label class="hint" for="paper-fees">
            {t('feesPanel.paperPays')}
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
            <option value="starter">{t('feesPanel.starter')}</option>
            <option value="live">{t('feesPanel.mine')}</option>
            <option value="volume">{t('feesPanel.ofVolume')}</option>
          </select>
          {choice === 'volume' && (
            <>
              <input
                class="amount"
                data-testid="paper-fees-volume"
                aria-label={t('feesPanel.volumeLabel')}
                inputMode="numeric"
                placeholder={t('feesPanel.volumePlaceholder')}
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
                    setError(t('feesPanel.whole'));
                  else void apply(n);
                }}
              >
                {t('feesPanel.use')}
              </button>
            </>
          )}
        </div>
      )}
      {mode === 'paper' && chosen === 'live' && fees.source !== 'account' && (
        <p class="hint">{t('feesPanel.unknownTier')}</p>
      )}
      {mode === 'paper' && choice === 'volume' && (
        <p class="hint">
          {t('feesPanel.tiers', {
            tiers: KRAKEN_PRO_TIERS.map((tier) => amount(String(tier.volume), locale)).join(' · '),
          })}
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
