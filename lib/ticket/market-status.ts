// What the market takes right now, from the pair's status (Kraken's `instrument` channel / AssetPairs `status`)
// and Kraken's exchange status (the `status` channel, https://docs.kraken.com/api/docs/websocket-v2/status), the
// stricter winning. Kraken's trading modes (https://support.kraken.com/hc/en-us/articles/360055614211): cancel-only
// takes cancellations only; post-only takes post-only limit orders only; limit-only takes limit orders only; in
// maintenance nothing is taken. The ticket disables what the market refuses and says why, before any confirm.
import { type Translate, translator } from '../i18n/translate.ts';
import type { TicketOrderType } from '../orders/types.ts';

export type MarketGate =
  | { kind: 'open' }
  | { kind: 'limit-only'; reason: string }
  | { kind: 'post-only'; reason: string }
  | { kind: 'cancel-only'; reason: string }
  | { kind: 'closed'; reason: string };

/** The limit kinds: limit orders, and the -limit forms (limit orders once triggered). */
const LIMIT_KINDS: readonly TicketOrderType[] = [
  'limit',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop-limit',
];

const RANK: Record<MarketGate['kind'], number> = {
  open: 0,
  'limit-only': 1,
  'post-only': 2,
  'cancel-only': 3,
  closed: 4,
};

function pairGate(symbol: string, status: string, t: Translate): MarketGate {
  switch (status) {
    case 'online':
      return { kind: 'open' };
    case 'limit_only':
      return { kind: 'limit-only', reason: t('gate.pair.limitOnly', { symbol }) };
    case 'post_only':
      return { kind: 'post-only', reason: t('gate.pair.postOnly', { symbol }) };
    case 'cancel_only':
      return { kind: 'cancel-only', reason: t('gate.pair.cancelOnly', { symbol }) };
    default:
      return {
        kind: 'closed',
        reason: t('gate.pair.closed', { symbol, status: status.replaceAll('_', '-') }),
      };
  }
}

function systemGate(system: string | undefined, t: Translate): MarketGate {
  switch (system) {
    case undefined:
    case 'online':
      return { kind: 'open' };
    case 'post_only':
      return { kind: 'post-only', reason: t('gate.system.postOnly') };
    case 'cancel_only':
      return { kind: 'cancel-only', reason: t('gate.system.cancelOnly') };
    case 'maintenance':
      return { kind: 'closed', reason: t('gate.system.maintenance') };
    default:
      return { kind: 'closed', reason: t('gate.system.other', { status: system }) };
  }
}

/** The stricter of the pair's status and Kraken's exchange status. */
export function marketGate(
  symbol: string,
  pairStatus: string,
  system?: string,
  t: Translate = translator('en'),
): MarketGate {
  const pair = pairGate(symbol, pairStatus, t);
  const exchange = systemGate(system, t);
  return RANK[exchange.kind] > RANK[pair.kind] ? exchange : pair;
}

/** Whether the market takes new orders of this type now (post-only ones need the post-only flag too). */
export function typeAllowed(gate: MarketGate, type: TicketOrderType): boolean {
  switch (gate.kind) {
    case 'open':
      return true;
    case 'limit-only':
      return LIMIT_KINDS.includes(type);
    case 'post-only':
      return type === 'limit';
    case 'cancel-only':
    case 'closed':
      return false;
    default: {
      const never: never = gate;
      throw new RangeError(`unknown market gate ${JSON.stringify(never)}`);
    }
  }
}

/** No new order at all (Buy and Sell are off). */
export const takesNoOrders = (gate: MarketGate): boolean =>
  gate.kind === 'cancel-only' || gate.kind === 'closed';

/** Why this order cannot be placed now, or null. */
export function gateRefusal(gate: MarketGate, type: TicketOrderType, postOnly: boolean): string | null {
  if (gate.kind === 'open') return null;
  if (!typeAllowed(gate, type)) return gate.reason;
  if (gate.kind === 'post-only' && !postOnly) return gate.reason;
  return null;
}
