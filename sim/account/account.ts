import { randomInt } from 'node:crypto';
import type { Market } from '../market/market.ts';
import type { RateLimitMode, Tier } from '../ratelimit/tiers.ts';
import { TradingLimiter } from '../ratelimit/trading-limiter.ts';
import { DeadManSwitch } from '../trading/dead-man.ts';
import { Engine, type EngineEvent } from '../trading/engine.ts';
import { tierOf } from '../trading/fee-tiers.ts';
import { quoteAsset } from '../trading/money.ts';
import type { Fill } from '../trading/order.ts';
import { LedgerBook } from './ledger-book.ts';
import { DEMO_FUNDS, Wallet } from './wallet.ts';

const IBAN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An IIBAN shaped like GetApiKeyInfo's example "AA88 N84G WOAK NMOI". */
function newIban(): string {
  const pick = (n: number) =>
    Array.from({ length: n }, () => IBAN_ALPHABET[randomInt(IBAN_ALPHABET.length)]).join('');
  const letters = () => String.fromCharCode(65 + randomInt(26));
  return `${letters()}${letters()}${randomInt(10)}${randomInt(10)} ${pick(4)} ${pick(4)} ${pick(4)}`;
}

export interface AccountOptions {
  readonly tier: Tier;
  readonly rateLimit: RateLimitMode;
}

/**
 * One funded account: its own balances, orders, fills, ledger, dead man's switch, per-pair trading
 * counter and 30-day volume (which sets its fee tier). Keys point at an account; accounts share the market.
 */
export class Account {
  readonly wallet: Wallet;
  readonly engine: Engine;
  readonly ledger = new LedgerBook();
  readonly deadMan: DeadManSwitch;
  readonly tradingLimiter: TradingLimiter;
  readonly iban = newIban();
  /** 30-day USD volume in USD units (10^-4): a starting figure plus every fill's USD cost. */
  private volumeUnits = 0n;
  private readonly stopFeed: () => void;

  constructor(
    readonly id: string,
    readonly market: Market,
    options: AccountOptions,
  ) {
    this.wallet = new Wallet(market.listing.assets, DEMO_FUNDS);
    this.engine = new Engine(market, this.wallet, () => tierOf(this.volumeUnits));
    this.tradingLimiter = new TradingLimiter(options.tier, options.rateLimit);
    this.deadMan = new DeadManSwitch(() => this.engine.cancelAll());
    this.stopFeed = this.engine.onEvent((event: EngineEvent) => {
      if (event.kind === 'ledger') this.ledger.add(event.entry);
      if (event.kind === 'fill') this.volumeUnits += this.usdOf(event.fill);
    });
  }

  /** The account's 30-day USD volume in USD units. */
  get volume(): bigint {
    return this.volumeUnits;
  }

  /** Test control: the 30-day volume is now exactly this (USD units); later fills add to it. */
  setVolume(units: bigint): void {
    this.volumeUnits = units;
  }

  /** A fill's cost in USD units: USD pairs as they are, others converted at the quote's last USD trade. */
  private usdOf(fill: Fill): bigint {
    const spec = fill.order.request.pair;
    const quote = quoteAsset(spec);
    if (quote.v2 === 'USD') return fill.cost;
    const usdPair = this.market.listing.pair(`${quote.v2}/USD`);
    const last = usdPair ? this.market.pair(usdPair.symbol)?.tape.last()?.tick : undefined;
    if (!usdPair || last === undefined) return 0n;
    const scale = 10n ** BigInt(quote.instrument.precision + usdPair.priceDecimals);
    return (fill.cost * BigInt(last) * 10_000n) / scale;
  }

  close(): void {
    this.stopFeed();
    this.deadMan.disarm();
    this.engine.close();
  }
}
