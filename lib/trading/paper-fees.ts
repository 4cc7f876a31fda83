// The fees the paper account charges (settings.paperFees): Kraken Pro's starter tier, the live account's own tier
// (from Kraken's TradeVolume, once known), or the tier of a 30-day volume the person picks
// (lib/orders/fees.ts KRAKEN_PRO_TIERS, https://www.kraken.com/features/fee-schedule).
import { STARTER_FEES, tierOf } from '../orders/fees.ts';
import type { Settings } from '../settings/schema.ts';
import type { FeesView } from './types.ts';

export function paperFeesView(choice: Settings['paperFees'], live: FeesView | undefined): FeesView {
  const chosen = choice ?? 'starter';
  if (chosen === 'live')
    return live?.source === 'account' ? { ...live, chosen } : { source: 'starter', ...STARTER_FEES, chosen };
  if (chosen === 'starter') return { source: 'starter', ...STARTER_FEES, chosen };
  const tier = tierOf(chosen);
  return {
    chosen,
    source: 'chosen',
    makerPercent: tier.makerPercent,
    takerPercent: tier.takerPercent,
    volume: String(chosen),
    ...(tier.next ? { next: { ...tier.next, volume: String(tier.next.volume) } } : {}),
  };
}
