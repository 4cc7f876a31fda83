// The UI side of the contract: typed requests and a self-healing stream port. Holds no secrets.
import { browser } from 'wxt/browser';
import { BackgroundUnreachable, deserializeError } from './errors.ts';
import {
  type RequestOf,
  type RequestType,
  type Response,
  type ResultOf,
  STREAM_PORT,
  type StreamEvent,
} from './protocol.ts';

export async function request<K extends RequestType>(req: RequestOf<K>): Promise<ResultOf<K>> {
  let response: Response<K> | undefined;
  try {
    response = (await browser.runtime.sendMessage(req)) as Response<K> | undefined;
  } catch (error) {
    // The worker stopped (or restarted) while the request was out: whether it ran is not known here.
    throw new BackgroundUnreachable(error instanceof Error ? error.message : String(error));
  }
  if (!response) throw new BackgroundUnreachable('no answer');
  if (!response.ok) throw deserializeError(response.error);
  return response.value;
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
