// The UI side of the contract: typed requests over one long-lived port, and a self-healing stream port. Holds no
// secrets.
import { browser } from 'wxt/browser';
import { BackgroundUnreachable, deserializeError } from './errors.ts';
import {
  type PortAnswer,
  type PortRequest,
  REQUEST_PORT,
  type RequestOf,
  type RequestType,
  type Response,
  type ResultOf,
  STREAM_PORT,
  type StreamEvent,
} from './protocol.ts';

interface Waiting {
  resolve(response: Response<RequestType>): void;
  reject(error: BackgroundUnreachable): void;
}

type Port = ReturnType<typeof browser.runtime.connect>;

/**
 * The page's request port, opened at its first request and kept open. It closes when the service worker stops
 * (MV3 stops idle workers): every request still out then fails as unreachable — it may or may not have run, as
 * with a sendMessage whose answer never came — and the next request opens a new port, which wakes the worker.
 */
let current: { port: Port; waiting: Map<number, Waiting> } | null = null;
let nextId = 0;

function open(): NonNullable<typeof current> {
  if (current) return current;
  const port = browser.runtime.connect({ name: REQUEST_PORT });
  const waiting = new Map<number, Waiting>();
  const self = { port, waiting };
  port.onMessage.addListener((message: unknown) => {
    const answer = message as PortAnswer;
    const entry = waiting.get(answer.id);
    if (!entry) return;
    waiting.delete(answer.id);
    entry.resolve(answer.response);
  });
  port.onDisconnect.addListener(() => {
    if (current === self) current = null;
    const reason = browser.runtime.lastError?.message ?? 'the background closed the request port';
    for (const entry of waiting.values()) entry.reject(new BackgroundUnreachable(reason));
    waiting.clear();
  });
  current = self;
  return self;
}

/** Posts on the open port; a port found closed before the post (nothing left) is replaced once. */
function post(message: PortRequest, entry: Waiting): void {
  for (let attempt = 0; ; attempt++) {
    let target: NonNullable<typeof current>;
    try {
      target = open();
    } catch (error) {
      // The extension was reloaded or removed under this page: nothing can reach its background.
      entry.reject(new BackgroundUnreachable(error instanceof Error ? error.message : String(error)));
      return;
    }
    target.waiting.set(message.id, entry);
    try {
      target.port.postMessage(message);
      return;
    } catch (error) {
      // Thrown synchronously by a port already closed: the message did not leave, so another port may carry it.
      target.waiting.delete(message.id);
      if (current === target) current = null;
      if (attempt >= 1) {
        entry.reject(new BackgroundUnreachable(error instanceof Error ? error.message : String(error)));
        return;
      }
    }
  }
}

export async function request<K extends RequestType>(req: RequestOf<K>): Promise<ResultOf<K>> {
  const response = await new Promise<Response<RequestType>>((resolve, reject) => {
    nextId += 1;
    post({ id: nextId, request: req }, { resolve, reject });
  });
  if (!response.ok) throw deserializeError(response.error);
  return response.value as ResultOf<K>;
}

/**
 * Opens the stream port and keeps it open: when the service worker stops (MV3 kills idle workers), the
 * port disconnects; reconnecting wakes the worker, which sends a fresh snapshot.
 */
export function openStream(onEvent: (event: StreamEvent) => void, signal: AbortSignal): void {
  let retryMs = 50;
  const connect = () => {
    if (signal.aborted) return;
    const port = browser.runtime.connect({ name: STREAM_PORT });
    port.onMessage.addListener((message: unknown) => {
      retryMs = 50;
      onEvent(message as StreamEvent);
    });
    port.onDisconnect.addListener(() => {
      if (signal.aborted) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(2000, retryMs * 2);
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
  };
  connect();
}
