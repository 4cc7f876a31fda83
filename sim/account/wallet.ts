import type { AssetSpec } from '../data/assets.ts';
import { toUnits } from '../decimal.ts';

/**
 * Starting funds of the demo account (whole-number round figures, spendable on every simulated pair). Only
 * the listed assets get theirs: the opt-in pairs' assets (`--pairs 20`, a few thousand USD each at their
 * start prices) exist only in a 20-pair simulator.
 */
export const DEMO_FUNDS: Readonly<Record<string, string>> = {
  USD: '100000',
  BTC: '2',
  ETH: '30',
  SOL: '500',
  XRP: '20000',
  DOGE: '200000',
  EUR: '5000',
  LTC: '50',
  XLM: '10000',
  ETC: '200',
  XMR: '20',
  BCH: '10',
  ADA: '5000',
  ATOM: '500',
  LINK: '200',
  ALGO: '10000',
  TRX: '20000',
  DOT: '500',
  UNI: '300',
  AVAX: '100',
};

/** Why a balance moved: one ledger entry per movement (WS `balances` updates, reconciliation tests). */
export interface LedgerEntry {
  readonly id: string;
  /** The trade id for trades. */
  readonly refId: string;
  readonly timeNs: bigint;
  readonly type: 'trade';
  readonly asset: AssetSpec;
  /** Signed, in asset units (10^-precision), fee not included. */
  readonly amount: bigint;
  readonly fee: bigint;
  /** Balance after the entry. */
  readonly balance: bigint;
}

/**
 * Balances of the demo account in integer asset units (10^-precision of the asset: USD 4, BTC 10 …).
 * Holds are not stored: they are the sum of what open orders reserve, computed by the engine, so they
 * can never drift from the orders.
 */
export class Wallet {
  private readonly balances = new Map<string, bigint>();

  /** `assets`: the listed ones (their balances are reported, zero or not). */
  constructor(assets: readonly AssetSpec[], funds: Readonly<Record<string, string>> = DEMO_FUNDS) {
    for (const asset of assets) {
      this.balances.set(asset.v2, toUnits(funds[asset.v2] ?? '0', asset.instrument.precision));
    }
  }

  balance(asset: AssetSpec): bigint {
    return this.balances.get(asset.v2) ?? 0n;
  }

  /** Applies a signed change; the engine checks funds first, so a negative result is a bug. */
  apply(asset: AssetSpec, delta: bigint): bigint {
    const next = this.balance(asset) + delta;
    if (next < 0n) throw new Error(`${asset.v2} balance would go negative`);
    this.balances.set(asset.v2, next);
    return next;
  }
}
