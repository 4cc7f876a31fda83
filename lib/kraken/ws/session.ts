import { createEmitter } from '../../base/emitter.ts';
import { DEFAULT_BACKOFF } from '../backoff.ts';
import { createDesiredSet } from './desired.ts';
import { createLinkWatch } from './link-watch.ts';
import {
  type ChannelMessage,
  isPrivate,
  type MethodResponse,
  parseIncoming,
  type Subscription,
  subscriptionParams,
} from './protocol.ts';
import { createReconnector } from './reconnect.ts';
import { createRequestTable, WsRequestError } from './requests.ts';

import type {
  SessionProblem,
  SessionState,
  WebSocketFactory,
  WebSocketLike,
  WsSessionOptions,
} from './session-types.ts';
import { createTimerSlot, defaultTimers } from './timers.ts';

export { WsRequestError } from './requests.ts';
export type {
  SessionProblem,
  SessionState,
  WebSocketFactory,
  WebSocketLike,
  WsSessionOptions,
} from './session-types.ts';
export type { Timers } from './timers.ts';

interface Events {
  state: SessionState;
  data: ChannelMessage;
  problem: SessionProblem;
}
type Listener<K extends keyof Events> = (value: Events[K]) => void;

const INVALID_SESSION = 'ESession:Invalid session';

/**
 * One Kraken WebSocket v2 connection kept alive forever: desired-state subscriptions replayed on every
 * (re)connect (desired.ts), pings and a silence watchdog (link-watch.ts), requests matched by req_id
 * (requests.ts), and reconnects with full-jitter backoff (reconnect.ts). This file owns the socket and
 * the state machine. Framework-free: the socket factory, timers and randomness are injected.
 * https://docs.kraken.com/api/docs/guides/spot-ws-intro (connection limits, ping, heartbeat)
 */
export function createWsSession(options: WsSessionOptions) {
  const createSocket: WebSocketFactory =
    options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
  const timers = options.timers ?? defaultTimers;
  const pingIntervalMs = options.pingIntervalMs ?? 15_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;

  let url = options.url;
  const desired = createDesiredSet();
  const requests = createRequestTable(timers, requestTimeoutMs);
  // A listener's bug must not take the connection down with it: the emitters isolate each listener.
  const listeners: { [K in keyof Events]: ReturnType<typeof createEmitter<Events[K]>> } = {
    state: createEmitter(),
    data: createEmitter(),
    problem: createEmitter(),
  };
  let state: SessionState = { kind: 'idle' };
  let socket: WebSocketLike | null = null;
  let open = false;
  /** The token of the current connection (private endpoint only). */
  let token: Promise<string> | null = null;
  /** Frames refused at the boundary (malformed, truncated, binary), reported as problems and counted here. */
  let invalidFrames = 0;
  const connectTimer = createTimerSlot(timers);
  const reconnector = createReconnector({
    timers,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
    stableAfterMs: options.stableAfterMs ?? 10_000,
    connect,
  });
  const link = createLinkWatch({
    timers,
    pingIntervalMs,
    silenceTimeoutMs: options.silenceTimeoutMs ?? 8_000,
    requestTimeoutMs,
    hasSubscriptions: () => desired.size > 0,
    ping: () => {
      request('ping', undefined).catch((error: unknown) => {
        if (error instanceof WsRequestError && error.reason === 'timeout') dropLink('no pong from server');
      });
    },
    onSilence: dropLink,
  });

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

  /** A request that carries the connection's token; refetches the token once on `ESession:Invalid session`. */
  async function privateRequest(method: string, params: Record<string, unknown>): Promise<MethodResponse> {
    try {
      return await request(method, { ...params, token: await connectionToken() });
    } catch (error) {
      if (!(error instanceof WsRequestError) || !error.detail.startsWith(INVALID_SESSION)) throw error;
      return request(method, { ...params, token: await connectionToken(true) });
    }
  }

  function setState(next: SessionState): void {
    state = next;
    listeners.state.emit(next);
  }

  function detachSocket(): void {
    const s = socket;
    socket = null;
    open = false;
    connectTimer.clear();
    link.stop();
    reconnector.lost();
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
    reconnector.cancel();
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
    connectTimer.set(
      () => dropLink(`cannot connect (no answer in ${Math.round(connectTimeoutMs / 1000)} s)`),
      connectTimeoutMs,
    );
    s.onopen = () => onOpen();
    s.onmessage = (event) => onMessage(event.data);
    s.onerror = () => {
      // Browsers give no detail here; the close event that follows carries the code.
    };
    s.onclose = (event) => {
      if (event.code === 1008) {
        detachSocket();
        requests.failAll('closed by server (1008)');
        setState({
          kind: 'failed',
          reason: `refused by the server (1008 ${event.reason || 'policy'})`,
          closeReason: event.reason,
        });
        return;
      }
      dropLink(open ? `connection closed (${event.code})` : `cannot connect (${event.code})`);
    };
  }

  function scheduleReconnect(reason: string): void {
    if (isStopped()) return;
    const { attempt, delayMs } = reconnector.schedule();
    setState({ kind: 'reconnecting', attempt, delayMs, reason });
  }

  function dropLink(reason: string): void {
    detachSocket();
    requests.failAll(reason);
    scheduleReconnect(reason);
  }

  function onOpen(): void {
    open = true;
    connectTimer.clear();
    token = null; // a fresh token for every connection
    link.start();
    setState({ kind: 'live', since: timers.now() });
    reconnector.opened();
    for (const sub of desired.all()) sendSubscribe(sub);
  }

  function onMessage(raw: unknown): void {
    link.heard();
    if (typeof raw !== 'string') {
      invalidFrames += 1;
      listeners.problem.emit({ kind: 'invalid-frame', reason: 'binary frame' });
      return;
    }
    const incoming = parseIncoming(raw);
    switch (incoming.kind) {
      case 'heartbeat':
        return;
      case 'data': {
        listeners.data.emit(incoming.message);
        return;
      }
      case 'response':
        requests.settle(incoming.response);
        return;
      case 'invalid':
        invalidFrames += 1;
        listeners.problem.emit({ kind: 'invalid-frame', reason: incoming.reason });
        return;
      default: {
        const never: never = incoming;
        throw new Error(`unhandled frame ${JSON.stringify(never)}`);
      }
    }
  }

  function request(method: string, params: Record<string, unknown> | undefined): Promise<MethodResponse> {
    const s = socket;
    if (!s || !open) return Promise.reject(new WsRequestError(method, 'disconnected', 'not connected'));
    return requests.send(method, params, (text) => s.send(text));
  }

  function sendSubscribe(sub: Subscription): void {
    const sent = isPrivate(sub)
      ? privateRequest('subscribe', subscriptionParams(sub))
      : request('subscribe', subscriptionParams(sub));
    sent.catch((error: unknown) => {
      if (error instanceof WsRequestError && error.reason === 'rejected') {
        listeners.problem.emit({ kind: 'subscription-rejected', subscription: sub, error: error.detail });
      } else if (error instanceof WsRequestError && error.reason === 'timeout') {
        listeners.problem.emit({ kind: 'request-failed', method: 'subscribe', error: error.detail });
      }
      // 'disconnected': the reconnect replays the desired set.
    });
  }

  function stop(): void {
    if (state.kind === 'closed') return;
    reconnector.cancel();
    detachSocket();
    requests.failAll('session closed');
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
      requests.failAll('endpoint changed');
      reconnector.reset();
      setState({ kind: 'connecting' });
      connect();
    },
    subscribe(sub: Subscription): void {
      if (desired.add(sub) && open) sendSubscribe(sub);
    },
    unsubscribe(sub: Subscription): void {
      if (!desired.remove(sub) || !open) return;
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
      if (!desired.has(sub) || !open) return;
      await request('unsubscribe', subscriptionParams(sub)).catch(() => {});
      if (open && desired.has(sub)) sendSubscribe(sub);
    },
    subscriptions: (): Subscription[] => desired.all(),
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
      return listeners[event].on(listener);
    },
  };
}

export type WsSession = ReturnType<typeof createWsSession>;
