import { createSerialQueue, type SerialQueue } from '../../base/serial-queue.ts';
import { keyIdOf } from '../auth/key-id.ts';
import { createNonceSource, memoryNonceStore, type NonceSource } from '../auth/nonce.ts';
import { type SignInput, signRequest } from '../auth/sign.ts';
import { type BackoffPolicy, backoffDelay } from '../backoff.ts';
import { type Clock, systemClock } from '../clock.ts';
import { createDecayingCounter } from '../ratelimit/counter.ts';
import { type CounterLimits, REST_LIMITS, restCost, type Tier } from '../ratelimit/tiers.ts';
import { createTradingLimiter } from '../ratelimit/trading.ts';
import { encodeForm, type Params } from './encode.ts';
import { KrakenError } from './errors.ts';
import { privateMethods } from './private.ts';
import { publicMethods } from './public.ts';
import { type CallOptions, type Envelope, type FetchLike, send } from './transport.ts';

export type { CallOptions };

export interface Credentials {
  apiKey: string;
  /** Base64 secret as shown by Kraken. */
  secret: string;
  /** One-time password for keys with 2FA (called per request). */
  otp?: () => string | Promise<string>;
}

export interface KrakenRestOptions {
  /** Default: the global fetch. */
  fetch?: FetchLike;
  /** Default https://api.kraken.com (paths start with /0/). */
  baseUrl?: string;
  credentials?: Credentials;
  /** Default: signRequest. Injected for hardware/WebCrypto signers. */
  signer?: (input: SignInput) => string | Promise<string>;
  /**
   * Default: an in-memory source at 'ms' scale. Pass a persisted one in the extension; every client for a
   * key must use the same store (the queue is shared per key already — docs/nonce.md).
   */
  nonce?: NonceSource;
  clock?: Clock;
  random?: () => number;
  /** Verification tier for the REST and trading counters. Default 'starter'. */
  tier?: Tier;
  /**
   * Override the tier's counters (a test exchange with relaxed limits; a Kraken account with custom
   * limits). Defaults: REST_LIMITS[tier] and TRADING_LIMITS[tier].
   */
  restLimits?: CounterLimits;
  tradingLimits?: CounterLimits;
  /** Override REST-counter costs per method (e.g. { TradesHistory: 4 }). */
  costs?: Partial<Record<string, number>>;
  /** Per-request timeout. Default 15 s. */
  timeoutMs?: number;
  /** Retries of idempotent calls after a retryable failure. Default 3. */
  retries?: number;
  backoff?: BackoffPolicy;
  /** Called with Kraken's W-warnings that accompanied a successful result. */
  onWarning?: (endpoint: string, warnings: readonly string[]) => void;
}

/** Private methods that may be repeated without changing anything on the account. */
const IDEMPOTENT_PRIVATE = new Set([
  'Balance',
  'BalanceEx',
  'TradeBalance',
  'OpenOrders',
  'ClosedOrders',
  'QueryOrders',
  'TradesHistory',
  'QueryTrades',
  'Ledgers',
  'QueryLedgers',
  'TradeVolume',
  'OpenPositions',
  'GetWebSocketsToken',
  'CancelAllOrdersAfter',
]);

const REST_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000, floorMs: 250 };

/**
 * One private-call queue per (endpoint, key) in this process, shared by every client built for that key:
 * a nonce only helps if requests reach Kraken in nonce order, so two clients on one key (a composition root
 * that builds a client per request, say) must not have requests in flight at the same time.
 */
const QUEUES = new Map<string, SerialQueue>();
/** Default nonce marks, shared by every client in the process that was not given a persisted source. */
const PROCESS_MARKS = memoryNonceStore();
function queueFor(id: string): SerialQueue {
  let queue = QUEUES.get(id);
  if (!queue) {
    queue = createSerialQueue();
    QUEUES.set(id, queue);
  }
  return queue;
}

/**
 * Kraken REST client: typed public and private methods over one signed, paced, serialised transport.
 * Framework-free: fetch, clock, randomness, nonce storage and the signer are injected.
 */
export function createKrakenRest(options: KrakenRestOptions = {}) {
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const baseUrl = (options.baseUrl ?? 'https://api.kraken.com').replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const tier = options.tier ?? 'starter';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 3;
  const backoff = options.backoff ?? REST_BACKOFF;
  const signer = options.signer ?? signRequest;
  const creds = options.credentials;
  const nonce =
    options.nonce ??
    createNonceSource({
      store: PROCESS_MARKS,
      keyId: creds ? keyIdOf(creds.apiKey) : 'none',
      now: () => clock.now(),
    });
  const restCounter = createDecayingCounter(options.restLimits ?? REST_LIMITS[tier], clock);
  const trading = createTradingLimiter(tier, clock, options.tradingLimits);
  const queue = queueFor(`${baseUrl} ${creds ? keyIdOf(creds.apiKey) : '-'}`);
  const secrets = creds ? [creds.apiKey, creds.secret] : [];

  function warn(endpoint: string, envelope: Envelope<unknown>) {
    if (envelope.warnings.length > 0) options.onWarning?.(endpoint, envelope.warnings);
  }

  async function withRetries<T>(
    idempotent: boolean,
    attempt: () => Promise<T>,
    call: CallOptions,
  ): Promise<T> {
    let nonceRetried = false;
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof KrakenError)) throw e;
        if (e.code === 'invalid-nonce') {
          // On a call that changes something, an invalid nonce may answer a second copy of a request that
          // already executed: browsers resend a POST by themselves when its reused keep-alive connection
          // closes before any answer byte (Chromium: HttpNetworkTransaction::ShouldResendRequest), and the
          // copy carries the same, now spent, nonce. A resend with a fresh nonce could then trade twice, so
          // the outcome is unknown: the order path reconciles by cl_ord_id first (placer.ts).
          if (!idempotent) throw new KrakenError({ ...e.toJSON(), mayHaveExecuted: true });
          // A read refused for its nonce did nothing: one fresh nonce is safe (SPEC.md §3). More would
          // risk Kraken's ban for repeated invalid nonces.
          if (!nonceRetried) {
            nonceRetried = true;
            continue;
          }
        }
        if (!idempotent || !e.retryable || n > retries) throw e;
        // Rate-limited: the counter (snapped to its cap) does the waiting; others back off with full jitter.
        const wait = e.retryAfterMs ?? (e.code === 'rate-limit' ? 0 : backoffDelay(n, backoff, random));
        await clock.sleep(wait, call.signal);
      }
    }
  }

  /** GET /0/public/<method>?query — idempotent, retried with backoff. */
  async function publicCall<T>(method: string, params: Params = {}, call: CallOptions = {}): Promise<T> {
    const endpoint = method;
    return withRetries(
      true,
      async () => {
        const query = encodeForm(params).toString();
        const envelope = await send<T>(fetchFn, {
          endpoint,
          url: `${baseUrl}/0/public/${method}${query ? `?${query}` : ''}`,
          method: 'GET',
          headers: {},
          timeoutMs: call.timeoutMs ?? timeoutMs,
          signal: call.signal,
          secrets,
          now: clock.now,
        });
        warn(endpoint, envelope);
        return envelope.result;
      },
      call,
    );
  }

  /** One signed POST: waits for the REST counter, takes its turn in the key's queue, then a fresh nonce. */
  async function signedOnce<T>(method: string, params: Params, call: CallOptions): Promise<T> {
    if (!creds) {
      throw new KrakenError({
        code: 'invalid-key',
        category: 'auth',
        endpoint: method,
        retryable: false,
        hint: 'Add a Kraken API key first.',
        detail: 'no credentials configured',
      });
    }
    // The counter is waited for before the queue, not inside it: a call waiting seconds for points would
    // otherwise hold the key's queue, and order entry, which Kraken does not count there
    // (https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits, docs/kraken-quirks.md "REST client" 4),
    // would wait behind a balance refresh or a token request. Charged before the queue, re-dated after the
    // answer: the model only errs on the high side.
    const cost = restCost(method, options.costs);
    await restCounter.acquire(cost, call.signal);
    const chargedAt = clock.now();
    return queue.run(async () => {
      call.signal?.throwIfAborted();
      const n = await nonce.next();
      const otp = creds.otp ? await creds.otp() : undefined;
      const body = encodeForm(otp === undefined ? params : { ...params, otp }, ['nonce', n]).toString();
      const path = `/0/private/${method}`;
      const sign = await signer({ path, nonce: n, body, secret: creds.secret });
      try {
        const envelope = await send<T>(fetchFn, {
          endpoint: method,
          url: baseUrl + path,
          method: 'POST',
          headers: {
            'API-Key': creds.apiKey,
            'API-Sign': sign,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body,
          timeoutMs: call.timeoutMs ?? timeoutMs,
          signal: call.signal,
          secrets: [...secrets, sign],
          now: clock.now,
        });
        warn(method, envelope);
        return envelope.result;
      } catch (e) {
        if (e instanceof KrakenError && e.code === 'rate-limit') restCounter.snapToCap();
        throw e;
      } finally {
        restCounter.redate(cost, clock.now() - chargedAt);
      }
    });
  }

  /** Any private method; idempotent ones are retried on retryable failures. */
  function privateCall<T>(method: string, params: Params = {}, call: CallOptions = {}): Promise<T> {
    return withRetries(IDEMPOTENT_PRIVATE.has(method), () => signedOnce<T>(method, params, call), call);
  }

  const core = { publicCall, privateCall, trading, clock };
  return {
    ...publicMethods(publicCall),
    ...privateMethods(core),
    publicCall,
    privateCall,
    /** Current REST-counter level (points) — for diagnostics and the benchmark. */
    restCounterLevel: () => restCounter.level(),
    tradingCounterLevel: (pair: string) => trading.level(pair),
    /** The per-pair trading counter, shared with order entry over the WebSocket (one model per key). */
    tradingLimiter: trading,
    tier,
  };
}

export type KrakenRest = ReturnType<typeof createKrakenRest>;
