// Read-only diagnostics for the soak (scripts/soak.ts): `globalThis.__traderDiagnostics()` answers counters
// kept since this worker started — book checksums (lib/market/depth.ts), WebSocket sessions (invalid frames,
// connections), uncaught errors, and the ids of the notifications shown. Reading it changes nothing; it
// holds no secret. A test reads it with Playwright's `worker.evaluate` (docs: README "Soak").
import type { WsSession } from '../../lib/kraken/index.ts';
import type { DepthStats } from '../../lib/market/depth.ts';

/** Bounds what a long-lived worker keeps (the soak reads it well before this). */
const KEEP_IDS = 2_000;
const KEEP_ERRORS = 20;

export type SessionKind = 'public' | 'private';

export interface Diagnostics {
  /** When this worker started (ms since the epoch). */
  startedAt: number;
  books: DepthStats | null;
  sessions: Record<SessionKind, { created: number; connects: number; invalidFrames: number }>;
  /** Uncaught exceptions and unhandled rejections in the worker, with the first few messages. */
  uncaught: number;
  errors: string[];
  /** Notification ids created by this worker, oldest first (alert:…, fill:…), and how many were left out. */
  notified: string[];
  notifiedDropped: number;
}

const state = {
  startedAt: Date.now(),
  sessions: {
    public: { created: 0, connects: 0, invalidFrames: 0 },
    private: { created: 0, connects: 0, invalidFrames: 0 },
  },
  uncaught: 0,
  errors: [] as string[],
  notified: [] as string[],
  notifiedDropped: 0,
};

/** Counts a session's connections and the frames it refused; returns the session unchanged. */
export function watchSession(session: WsSession, kind: SessionKind): WsSession {
  const counts = state.sessions[kind];
  counts.created += 1;
  session.on('state', (s) => {
    if (s.kind === 'live') counts.connects += 1;
  });
  session.on('problem', (p) => {
    if (p.kind === 'invalid-frame') counts.invalidFrames += 1;
  });
  return session;
}

export function noteNotification(id: string): void {
  if (state.notified.length >= KEEP_IDS) {
    state.notified.shift();
    state.notifiedDropped += 1;
  }
  state.notified.push(id);
}

function noteError(text: string): void {
  state.uncaught += 1;
  if (state.errors.length < KEEP_ERRORS) state.errors.push(text.slice(0, 300));
}

/** Listens for uncaught errors and publishes the hook. Call synchronously at worker start. */
export function installDiagnostics(books: () => DepthStats | null): void {
  const scope = globalThis as unknown as {
    addEventListener(type: string, listener: (event: unknown) => void): void;
    __traderDiagnostics?: () => Diagnostics;
  };
  scope.addEventListener('error', (event) => {
    const e = event as { message?: string; error?: unknown };
    noteError(`error: ${e.message ?? String(e.error)}`);
  });
  scope.addEventListener('unhandledrejection', (event) => {
    const { reason } = event as { reason?: unknown };
    noteError(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
  scope.__traderDiagnostics = () => ({
    startedAt: state.startedAt,
    books: books(),
    sessions: structuredClone(state.sessions),
    uncaught: state.uncaught,
    errors: [...state.errors],
    notified: [...state.notified],
    notifiedDropped: state.notifiedDropped,
  });
}
