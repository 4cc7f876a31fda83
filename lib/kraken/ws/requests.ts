// The req_id table of one connection: each request gets an id, its response is matched by that id, and it
// fails on a timeout or when the connection goes. https://docs.kraken.com/api/docs/guides/spot-ws-intro
// ("req_id: optional client originated request identifier sent as acknowledgment in the response").
import type { MethodResponse } from './protocol.ts';
import type { Timers } from './timers.ts';

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

interface Pending {
  method: string;
  resolve(response: MethodResponse): void;
  reject(error: Error): void;
  timer: unknown;
}

export function createRequestTable(timers: Timers, timeoutMs: number) {
  const pending = new Map<number, Pending>();
  // Ids keep growing across reconnects, so a late answer from an old connection can never match a new request.
  let nextReqId = 1;

  return {
    /** Sends one request through `write` and waits for the response with the same req_id. */
    send(
      method: string,
      params: Record<string, unknown> | undefined,
      write: (text: string) => void,
    ): Promise<MethodResponse> {
      return new Promise((resolve, reject) => {
        const reqId = nextReqId++;
        const timer = timers.setTimeout(() => {
          pending.delete(reqId);
          reject(new WsRequestError(method, 'timeout', `no response in ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(reqId, { method, resolve, reject, timer });
        write(JSON.stringify(params ? { method, params, req_id: reqId } : { method, req_id: reqId }));
      });
    },

    /** Settles the request a response answers; a response to nobody (no or unknown req_id) is ignored. */
    settle(response: MethodResponse): void {
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
    },

    /** The connection is gone: every request still waiting fails with `detail`. */
    failAll(detail: string): void {
      for (const [id, p] of pending) {
        timers.clearTimeout(p.timer);
        pending.delete(id);
        p.reject(new WsRequestError(p.method, 'disconnected', detail));
      }
    },

    get size(): number {
      return pending.size;
    },
  };
}
