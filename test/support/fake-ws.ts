// A scripted WebSocket and virtual timers for session unit tests: nothing touches the network or real time.
import type { Timers, WebSocketLike } from '../../lib/kraken/index.ts';

export function virtualTimers(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      due.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
  };
  return {
    timers,
    /** Moves time forward, running every timer that falls due, in time order. */
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
    pending: () => due.size,
  };
}

export interface FakeSocket extends WebSocketLike {
  url: string;
  sent: Record<string, unknown>[];
  closedWith: number | null;
  /** The server side: open, send a frame, close. */
  serverOpen(): void;
  serverSend(frame: unknown): void;
  serverClose(code: number, reason?: string): void;
}

export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const create = (url: string): WebSocketLike => {
    const socket: FakeSocket = {
      url,
      sent: [],
      closedWith: null,
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
      send(data) {
        socket.sent.push(JSON.parse(data) as Record<string, unknown>);
      },
      close(code) {
        socket.closedWith = code ?? 1005;
      },
      serverOpen: () => socket.onopen?.({}),
      serverSend: (frame) =>
        socket.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) }),
      serverClose: (code, reason = '') => socket.onclose?.({ code, reason }),
    };
    sockets.push(socket);
    return socket;
  };
  return { create, sockets, last: () => sockets.at(-1) };
}
