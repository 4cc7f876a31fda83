import type { AssetSpec } from '../data/assets.ts';
import { toUnits } from '../decimal.ts';

/**
 * Starting funds of the demo account (whole-number round figures, spendable on every default pair). The
 * opt-in pairs' assets (`--pairs 20`) start at zero: buying them with USD works, selling needs a buy first.
 */
export const DEMO_FUNDS: Readonly<Record<string, string>> = {
  USD: '100000',
  BTC: '2',
  ETH: '30',
  SOL: '500',
  XRP: '20000',
  DOGE: '200000',
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
