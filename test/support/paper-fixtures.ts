// Kraken's XXBTZUSD rules (SPEC.md §7 example) without a fee schedule, so the paper account's defaults apply
// (0.25 % maker, 0.40 % taker). Shared by the paper engine's and the trading UI's tests, with small helpers.
import type { PairRules } from '../../lib/kraken/pairs/rules.ts';
import { type PaperOrderRequest, type PaperState, paperBalances } from '../../lib/paper/index.ts';

export const BTC_USD_RULES: PairRules = {
  id: 'XXBTZUSD',
  altname: 'XBTUSD',
  symbol: 'BTC/USD',
  base: 'BTC',
  quote: 'USD',
  pairDecimals: 1,
  lotDecimals: 8,
  costDecimals: 5,
  ordermin: '0.0001',
  costmin: '0.5',
  tickSize: '0.1',
  status: 'online',
};

export const T0 = 1_700_000_000_000;

/** Deterministic ids: P1, P2, … */
export const sequentialIds = () => {
  let n = 0;
  return () => `P${++n}`;
};

/** A BTC/USD order request of `type` (0.1 BTC, GTC), with overrides. */
export const paperRequest =
  (type: PaperOrderRequest['type']) =>
  (over: Partial<PaperOrderRequest>): PaperOrderRequest => ({
    clOrdId: 'c1',
    symbol: 'BTC/USD',
    side: 'buy',
    type,
    volume: '0.1',
    postOnly: false,
    timeInForce: 'GTC',
    ...over,
  });

export const balanceOf = (s: PaperState, asset: string) => paperBalances(s).find((b) => b.asset === asset);
