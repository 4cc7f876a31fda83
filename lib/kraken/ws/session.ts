import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
import {
  type ChannelMessage,
  isPrivate,
  legacyCopy,
  type MethodResponse,
  parseIncoming,
  type Subscription,
  subscriptionKey,
  subscriptionParams,
} from './protocol.ts';

/** The part of the WebSocket interface the session uses: the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SessionState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'live'; since: number }
  | { kind: 'reconnecting'; attempt: number; delayMs: number; reason: string }
  /** Terminal: the server refused us for good (close code 1008, policy violation). */
  | { kind: 'failed'; reason: string }
  | { kind: 'closed' };

export type SessionProblem =
  | { kind: 'subscription-rejected'; subscription: Subscription; error: string }
  | { kind: 'invalid-frame'; reason: string }
  | { kind: 'request-failed'; method: string; error: string };

export interface WsSessionOptions {
  url: string;
  createSocket?: WebSocketFactory;
  timers?: Timers;
  random?: () => number;
  /** Application-level ping period; Kraken closes idle links after ~1 min and MV3 needs traffic < 30 s. */
  pingIntervalMs?: number;
  /** With subscriptions, Kraken sends a heartbeat every second: this much silence means a dead link. */
  silenceTimeoutMs?: number;
  /** How long a request (subscribe, ping…) may wait for its response. */
  requestTimeoutMs?: number;
  /** A connection that stays up this long resets the backoff attempt counter. */
  stableAfterMs?: number;
  backoff?: BackoffPolicy;
  signal?: AbortSignal;
  /**
   * For the authenticated endpoint: a fresh GetWebSocketsToken token. Asked once per connection (Kraken:
   * "obtain a fresh token on each connection"), and once more if Kraken answers `ESession:Invalid session`.
   */
  token?: () => Promise<string>;
}

interface Pending {
  method: string;
  resolve(response: MethodResponse): void;
  reject(error: Error): void;
  timer: unknown;
}

interface Events {
  state: SessionState;
  data: ChannelMessage;
  problem: SessionProblem;
}
type Listener<K extends keyof Events> = (value: Events[K]) => void;

const defaultTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export class WsRequestError extends Error {
  override readonly name = 'WsRequestError';
  constructor(
    readonly method: string,
    readonly reason: 'timeout' | 'disconnected' | 'rejected',
    readonly detail: string,
  ) {
    super(`${method}: ${detail}`);
  }
}

/**
 * One Kraken WebSocket v2 connection kept alive forever: desired-state subscriptions replayed on every
 * (re)connect, pings every `pingIntervalMs`, a silence watchdog, and reconnects with full-jitter backoff.
 * Framework-free: the socket factory, timers and randomness are injected.
 * https://docs.kraken.com/api/docs/guides/spot-ws-intro (connection limits, ping, heartbeat)
 */
export function createWsSession(options: WsSessionOptions) {
  const createSocket: WebSocketFactory =
    options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
  const timers = options.timers ?? defaultTimers;
  const random = options.random ?? Math.random;
  const pingIntervalMs = options.pingIntervalMs ?? 15_000;
  const silenceTimeoutMs = options.silenceTimeoutMs ?? 8_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const stableAfterMs = options.stableAfterMs ?? 10_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  let url = options.url;
  const desired = new Map<string, Subscription>();
  const pending = new Map<number, Pending>();
  const listeners: { [K in keyof Events]: Set<Listener<K>> } = {
    state: new Set(),
    data: new Set(),
    problem: new Set(),
  };
  let state: SessionState = { kind: 'idle' };
  let socket: WebSocketLike | null = null;
  let open = false;
  let attempt = 0;
  let nextReqId = 1;
  let lastHeardAt = 0;
  let reconnectTimer: unknown = null;
  let pingTimer: unknown = null;
  let watchdogTimer: unknown = null;
  let stableTimer: unknown = null;
  /** The token of the current connection (private endpoint only). */
  let token: Promise<string> | null = null;
  /** Frames refused at the boundary (malformed, truncated, binary), reported as problems and counted here. */
  let invalidFrames = 0;

  function connectionToken(refresh = false): Promise<string> {
    if (!options.token) return Promise.reject(new Error('no token provider: not a private session'));
    if (!token || refresh) {
      token = options.token();
      token.catch(() => {
        token = null;
      });
    }
    return token;
  }

  const INVALID_SESSION = 'ESession:Invalid session';

  /** A request that carries the connection's token; refetches the token once on `ESession:Invalid session`. */
  async function privateRequest(method: string, params: Record<string, unknown>): Promise<MethodResponse> {
    try {
      return await request(method, { ...params, token: await connectionToken() });
    } catch (error) {
      if (!(error instanceof WsRequestError) || !error.detail.startsWith(INVALID_SESSION)) throw error;
      return request(method, { ...params, token: await connectionToken(true) });
    }
  }

  function emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const listener of listeners[event]) {
      try {
        listener(value);
      } catch {
        // A listener's bug must not take the connection down with it.
      }
    }
  }

  function setState(next: SessionState): void {
    state = next;
    emit('state', next);
  }

  function clearTimer(handle: unknown): null {
    if (handle !== null) timers.clearTimeout(handle);
    return null;
  }

  function clearLinkTimers(): void {
    pingTimer = clearTimer(pingTimer);
    watchdogTimer = clearTimer(watchdogTimer);
    stableTimer = clearTimer(stableTimer);
  }

  function failPending(reason: 'disconnected', detail: string): void {
    for (const [id, p] of pending) {
      timers.clearTimeout(p.timer);
      pending.delete(id);
      p.reject(new WsRequestError(p.method, reason, detail));
    }
  }

  function detachSocket(): void {
    const s = socket;
    socket = null;
    open = false;
    clearLinkTimers();
    if (s) {
      s.onopen = null;
      s.onmessage = null;
      s.onclose = null;
      // A no-op, not null: closing a socket that is still connecting reports an error event, and Node's
      // `ws` throws an error event nobody listens to (the CLI and tests run there).
      s.onerror = () => {};
      try {
        s.close(1000);
      } catch {
        // Closing a socket that never opened may throw; it is gone either way.
      }
    }
  }

  function isStopped(): boolean {
    return state.kind === 'closed' || state.kind === 'failed';
  }

  function connect(): void {
    reconnectTimer = clearTimer(reconnectTimer);
    if (isStopped()) return;
    if (state.kind !== 'reconnecting') setState({ kind: 'connecting' });
    let s: WebSocketLike;
    try {
      s = createSocket(url);
    } catch (error) {
      scheduleReconnect(`cannot open ${url}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    socket = s;
    s.onopen = () => onOpen();
    s.onmessage = (event) => onMessage(event.data);
    s.onerror = () => {
      // Browsers give no detail here; the close event that follows carries the code.
    };
    s.onclose = (event) => {
      if (event.code === 1008) {
        detachSocket();
        failPending('disconnected', 'closed by server (1008)');
        setState({ kind: 'failed', reason: `refused by the server (1008 ${event.reason || 'policy'})` });
        return;
      }
      dropLink(open ? `connection closed (${event.code})` : `cannot connect (${event.code})`);
    };
  }

  function scheduleReconnect(reason: string): void {
    if (isStopped()) return;
    attempt += 1;
    const delayMs = backoffDelay(attempt, backoff, random);
    setState({ kind: 'reconnecting', attempt, delayMs, reason });
    reconnectTimer = timers.setTimeout(connect, delayMs);
  }

  function dropLink(reason: string): void {
    detachSocket();
    failPending('disconnected', reason);
    scheduleReconnect(reason);
  }

  function onOpen(): void {
    open = true;
    token = null; // a fresh token for every connection
    lastHeardAt = timers.now();
    setState({ kind: 'live', since: lastHeardAt });
    stableTimer = timers.setTimeout(() => {
      attempt = 0;
      stableTimer = null;
    }, stableAfterMs);
    for (const sub of desired.values()) sendSubscribe(sub);
    schedulePing();
    scheduleWatchdog();
  }

  function schedulePing(): void {
    pingTimer = timers.setTimeout(() => {
      pingTimer = null;
      request('ping', undefined).catch((error: unknown) => {
        if (error instanceof WsRequestError && error.reason === 'timeout') dropLink('no pong from server');
      });
      schedulePing();
    }, pingIntervalMs);
  }

  function scheduleWatchdog(): void {
    watchdogTimer = timers.setTimeout(
      () => {
        watchdogTimer = null;
        // Without subscriptions Kraken sends no heartbeat; the ping/pong round trip guards that case.
        const limit = desired.size > 0 ? silenceTimeoutMs : pingIntervalMs + requestTimeoutMs;
        if (timers.now() - lastHeardAt > limit) {
          dropLink(`no data for ${Math.round((timers.now() - lastHeardAt) / 1000)} s`);
          return;
        }
        scheduleWatchdog();
      },
      Math.min(1000, silenceTimeoutMs),
    );
  }

  function onMessage(raw: unknown): void {
    lastHeardAt = timers.now();
    if (typeof raw !== 'string') {
      invalidFrames += 1;
      emit('problem', { kind: 'invalid-frame', reason: 'binary frame' });
      return;
    }
    const incoming = parseIncoming(raw);
    switch (incoming.kind) {
      case 'heartbeat':
        return;
      case 'data': {
        emit('data', incoming.message);
        const legacy = legacyCopy(incoming.message);
        if (legacy) emit('data', legacy);
        return;
      }
      case 'response':
        onResponse(incoming.response);
        return;
      case 'invalid':
        invalidFrames += 1;
        emit('problem', { kind: 'invalid-frame', reason: incoming.reason });
        return;
      default: {
        const never: never = incoming;
        throw new Error(`unhandled frame ${JSON.stringify(never)}`);
      }
    }
  }

  function onResponse(response: MethodResponse): void {
    const id = response.req_id;
    const p = id === undefined ? undefined : pending.get(id);
    if (id === undefined || !p) return;
    pending.delete(id);
    timers.clearTimeout(p.timer);
    if (response.success === false) {
      p.reject(new WsRequestError(p.method, 'rejected', response.error ?? 'request rejected'));
    } else {
      p.resolve(response);
    }
  }

  function request(method: string, params: Record<string, unknown> | undefined): Promise<MethodResponse> {
    return new Promise((resolve, reject) => {
      if (!socket || !open) {
        reject(new WsRequestError(method, 'disconnected', 'not connected'));
        return;
      }
      const reqId = nextReqId++;
      const timer = timers.setTimeout(() => {
        pending.delete(reqId);
        reject(new WsRequestError(method, 'timeout', `no response in ${requestTimeoutMs} ms`));
      }, requestTimeoutMs);
      pending.set(reqId, { method, resolve, reject, timer });
      socket.send(JSON.stringify(params ? { method, params, req_id: reqId } : { method, req_id: reqId }));
    });
  }

  function sendSubscribe(sub: Subscription): void {
    const sent = isPrivate(sub)
      ? privateRequest('subscribe', subscriptionParams(sub))
      : request('subscribe', subscriptionParams(sub));
    sent.catch((error: unknown) => {
      if (error instanceof WsRequestError && error.reason === 'rejected') {
        emit('problem', { kind: 'subscription-rejected', subscription: sub, error: error.detail });
      } else if (error instanceof WsRequestError && error.reason === 'timeout') {
        emit('problem', { kind: 'request-failed', method: 'subscribe', error: error.detail });
      }
      // 'disconnected': the reconnect replays the desired set.
    });
  }

  function stop(): void {
    if (state.kind === 'closed') return;
    reconnectTimer = clearTimer(reconnectTimer);
    detachSocket();
    failPending('disconnected', 'session closed');
    setState({ kind: 'closed' });
  }

  options.signal?.addEventListener('abort', stop, { once: true });

  return {
    /** Opens the connection (idempotent). */
    start(): void {
      if (state.kind === 'idle') connect();
    },
    stop,
    getState: (): SessionState => state,
    /** Points the session at another endpoint and reconnects at once. */
    setUrl(next: string): void {
      if (next === url) return;
      url = next;
      if (isStopped() || state.kind === 'idle') return;
      detachSocket();
      failPending('disconnected', 'endpoint changed');
      attempt = 0;
      setState({ kind: 'connecting' });
      connect();
    },
    subscribe(sub: Subscription): void {
      const key = subscriptionKey(sub);
      if (desired.has(key)) return;
      desired.set(key, sub);
      if (open) sendSubscribe(sub);
    },
    unsubscribe(sub: Subscription): void {
      const key = subscriptionKey(sub);
      if (!desired.delete(key)) return;
      if (!open) return;
      const params = subscriptionParams(sub);
      (isPrivate(sub) ? privateRequest('unsubscribe', params) : request('unsubscribe', params)).catch(
        () => {},
      );
    },
    /**
     * Unsubscribes and subscribes again (e.g. to get a fresh book snapshot after a checksum mismatch).
     * The subscription stays desired throughout, so a reconnect in between replays it anyway.
     */
    async resubscribe(sub: Subscription): Promise<void> {
      if (!desired.has(subscriptionKey(sub)) || !open) return;
      await request('unsubscribe', subscriptionParams(sub)).catch(() => {});
      if (open && desired.has(subscriptionKey(sub))) sendSubscribe(sub);
    },
    subscriptions: (): Subscription[] => [...desired.values()],
    request,
    /** Trading methods (add_order, amend_order…): the ack resolves; order state arrives on `executions`. */
    privateRequest,
    /**
     * cancel_order for several orders: Kraken answers once per order under one req_id, so each id is sent
     * as its own request and every answer is collected (a refusal for one does not hide the others).
     */
    cancelOrders(orderIds: readonly string[]): Promise<PromiseSettledResult<MethodResponse>[]> {
      return Promise.allSettled(orderIds.map((id) => privateRequest('cancel_order', { order_id: [id] })));
    },
    /** Counters for diagnostics. */
    stats: () => ({ invalidFrames }),
    on<K extends keyof Events>(event: K, listener: Listener<K>): () => void {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
  };
}

export type WsSession = ReturnType<typeof createWsSession>;
