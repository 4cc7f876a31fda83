import type { Market } from '../market/market.ts';
import { RestLimiter } from '../ratelimit/rest-limiter.ts';
import type { RateLimitMode, Tier } from '../ratelimit/tiers.ts';
import { TradingLimiter } from '../ratelimit/trading-limiter.ts';
import { DeadManSwitch } from '../trading/dead-man.ts';
import { Engine } from '../trading/engine.ts';
import { type KeyMaterial, KeyRing, type KeyRole, makeKey } from './keys.ts';
import { LedgerBook } from './ledger-book.ts';
import { NonceBook } from './nonces.ts';
import { Wallet } from './wallet.ts';
import { WsTokens } from './ws-tokens.ts';

export interface ExchangeOptions {
  readonly tier: Tier;
  readonly rateLimit: RateLimitMode;
  /** Nonce window (0 = strictly increasing, Kraken's default). */
  readonly nonceWindow: bigint;
  /** Given key material per role (otherwise random). */
  readonly keys?: Partial<Record<KeyRole, Partial<KeyMaterial>>> | undefined;
  /** A two-factor password every key requires as `otp`. */
  readonly otp?: string | undefined;
}

/** The private side of the simulator: one demo account, its keys, engine and limiters. */
export class Exchange {
  readonly keys = new KeyRing();
  readonly nonces: NonceBook;
  readonly wallet = new Wallet();
  readonly engine: Engine;
  readonly restLimiter: RestLimiter;
  readonly tradingLimiter: TradingLimiter;
  readonly tokens = new WsTokens();
  readonly deadMan: DeadManSwitch;
  readonly ledger = new LedgerBook();
  private readonly expiryTimer: NodeJS.Timeout;

  constructor(
    readonly market: Market,
    readonly options: ExchangeOptions,
  ) {
    for (const role of ['trading', 'query', 'nows'] as const) {
      this.keys.add(makeKey(role, options.keys?.[role], options.otp));
    }
    this.nonces = new NonceBook(options.nonceWindow);
    this.engine = new Engine(market, this.wallet);
    this.restLimiter = new RestLimiter(options.tier, options.rateLimit);
    this.tradingLimiter = new TradingLimiter(options.tier, options.rateLimit);
    this.deadMan = new DeadManSwitch(() => this.engine.cancelAll());
    this.engine.onEvent((event) => {
      if (event.kind === 'ledger') this.ledger.add(event.entry);
    });
    // GTD orders expire on time even when the market is not stepping.
    this.expiryTimer = setInterval(() => this.engine.expire(Math.floor(Date.now() / 1000)), 250);
    this.expiryTimer.unref();
  }

  close(): void {
    clearInterval(this.expiryTimer);
    this.deadMan.disarm();
    this.engine.close();
  }
}
