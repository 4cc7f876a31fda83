import type { Market } from '../market/market.ts';
import { RestLimiter } from '../ratelimit/rest-limiter.ts';
import type { RateLimitMode, Tier } from '../ratelimit/tiers.ts';
import type { EngineEvent } from '../trading/engine.ts';
import { Account } from './account.ts';
import {
  type ApiKey,
  type KeyMaterial,
  KeyRing,
  type KeyRole,
  type KeySpec,
  makeKey,
  permissionsOf,
} from './keys.ts';
import { NonceBook } from './nonces.ts';
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

/** Ids of the two demo accounts. */
export const MAIN_ACCOUNT = 'main';
export const SECOND_ACCOUNT = 'second';

export type AccountListener = (account: Account, event: EngineEvent) => void;

/**
 * The private side of the simulator: accounts (each with its engine, wallet, ledger, limits), their keys,
 * the per-key REST counter and nonces, and WebSocket tokens. `engine`, `wallet`, `ledger`, `deadMan` and
 * `tradingLimiter` are the main demo account's, for in-process tests.
 */
export class Exchange {
  readonly keys = new KeyRing();
  readonly nonces: NonceBook;
  readonly restLimiter: RestLimiter;
  readonly tokens = new WsTokens();
  private readonly accounts = new Map<string, Account>();
  private readonly listeners = new Set<AccountListener>();
  private readonly unsubscribers: (() => void)[] = [];
  private readonly expiryTimer: NodeJS.Timeout;
  private created = 0;

  constructor(
    readonly market: Market,
    readonly options: ExchangeOptions,
  ) {
    this.nonces = new NonceBook(options.nonceWindow);
    this.restLimiter = new RestLimiter(options.tier, options.rateLimit);
    this.addAccount(MAIN_ACCOUNT);
    this.addAccount(SECOND_ACCOUNT);
    for (const role of ['trading', 'query', 'nows', 'withdraw', 'second'] as const) {
      this.addKey({
        role,
        accountId: role === 'second' ? SECOND_ACCOUNT : MAIN_ACCOUNT,
        name: `sim-${role}`,
        permissions: permissionsOf(role),
        given: options.keys?.[role],
      });
    }
    // GTD orders expire on time even when the market is not stepping.
    this.expiryTimer = setInterval(() => {
      const nowSec = Math.floor(Date.now() / 1000);
      for (const account of this.accounts.values()) account.engine.expire(nowSec);
    }, 250);
    this.expiryTimer.unref();
  }

  private addAccount(id: string): Account {
    const account = new Account(id, this.market, this.options);
    this.accounts.set(id, account);
    this.unsubscribers.push(
      account.engine.onEvent((event) => {
        for (const listener of this.listeners) listener(account, event);
      }),
    );
    return account;
  }

  /** A new funded account (demo funds) with one trading key (`POST /_sim/accounts`). */
  createAccount(): { account: Account; key: ApiKey } {
    this.created += 1;
    const account = this.addAccount(`acct-${this.created}`);
    const key = this.addKey({
      accountId: account.id,
      name: `sim-${account.id}`,
      permissions: permissionsOf('trading'),
    });
    return { account, key };
  }

  /** Issues a key on an existing account (`POST /_sim/keys`). */
  addKey(spec: KeySpec): ApiKey {
    if (!this.accounts.has(spec.accountId)) throw new Error(`no account ${spec.accountId}`);
    const key = makeKey({ ...spec, otp: spec.otp ?? this.options.otp });
    this.keys.add(key);
    return key;
  }

  account(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  /** The account a key acts on. */
  accountOf(key: ApiKey): Account {
    const account = this.accounts.get(key.accountId);
    if (!account) throw new Error(`key of unknown account ${key.accountId}`);
    return account;
  }

  allAccounts(): Account[] {
    return [...this.accounts.values()];
  }

  /** Every engine event of every account, with its account (private WebSocket feeds). */
  onEngineEvent(listener: AccountListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get main(): Account {
    return this.accounts.get(MAIN_ACCOUNT) as Account;
  }

  get engine() {
    return this.main.engine;
  }

  get wallet() {
    return this.main.wallet;
  }

  get ledger() {
    return this.main.ledger;
  }

  get deadMan() {
    return this.main.deadMan;
  }

  get tradingLimiter() {
    return this.main.tradingLimiter;
  }

  close(): void {
    clearInterval(this.expiryTimer);
    for (const stop of this.unsubscribers) stop();
    for (const account of this.accounts.values()) account.close();
  }
}
