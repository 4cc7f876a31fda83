// The account's own fees for a pair, from TradeVolume (Kraken stopped filling AssetPairs' `fees`/`fees_maker`
// in September 2026: the tier is per account). https://docs.kraken.com/api/docs/rest-api/get-trade-volume
import type { FeeTierInfo, TradeVolume } from '../rest/types-private.ts';
import type { Decimal } from '../rest/types-public.ts';

export interface AccountFees {
  /** Percent, as Kraken writes it ("0.2500"). */
  makerPercent: Decimal;
  takerPercent: Decimal;
  /** The account's 30-day volume (USD). */
  volume: Decimal;
  /** The volume at which the current tier starts, and the next tier's volume and fees (absent at the top). */
  tierVolume?: Decimal;
  next?: { volume: Decimal; makerPercent?: Decimal; takerPercent: Decimal };
}

/** The schema's `next_fee` or the example's `nextfee`: both spellings are in Kraken's own spec. */
function field(
  info: FeeTierInfo,
  schema: keyof FeeTierInfo,
  example: keyof FeeTierInfo,
): Decimal | undefined {
  const v = info[schema] ?? info[example];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The fees of `pairId` (the REST pair id the answer is keyed by, e.g. XXBTZUSD) from a TradeVolume answer, or
 * undefined when Kraken did not send them for that pair.
 */
export function accountFees(answer: TradeVolume, pairId: string): AccountFees | undefined {
  const taker = answer.fees?.[pairId];
  const maker = answer.fees_maker?.[pairId] ?? taker; // Kraken omits fees_maker for pairs without maker fees
  if (!taker || !maker || typeof taker.fee !== 'string' || typeof maker.fee !== 'string') return undefined;
  const nextVolume = field(taker, 'next_volume', 'nextvolume');
  const nextTaker = field(taker, 'next_fee', 'nextfee');
  const nextMaker = field(maker, 'next_fee', 'nextfee');
  const tierVolume = field(taker, 'tier_volume', 'tiervolume');
  return {
    makerPercent: maker.fee,
    takerPercent: taker.fee,
    volume: answer.volume,
    ...(tierVolume ? { tierVolume } : {}),
    ...(nextVolume && nextTaker
      ? {
          next: {
            volume: nextVolume,
            takerPercent: nextTaker,
            ...(nextMaker ? { makerPercent: nextMaker } : {}),
          },
        }
      : {}),
  };
}
