// What the WebSocket commands share: status and errors on stderr, waiting for the link, waiting for Ctrl-C.
import type { WsSession } from '../lib/kraken/index.ts';
import type { Io } from './rest-command.ts';

/** Connection states and session problems, one line each on stderr. */
export function reportSession(session: WsSession, io: Io): void {
  session.on('state', (s) => io.err(`[ws] ${s.kind}${'reason' in s ? `: ${s.reason}` : ''}`));
  session.on('problem', (p) => {
    if (p.kind === 'subscription-rejected') io.err(`[ws] error: ${p.error}`);
    else if (p.kind === 'invalid-frame') io.err(`[ws] error: invalid frame (${p.reason})`);
    else io.err(`[ws] error: ${p.method} ${p.error}`);
  });
}

/** Starts the session and waits until it is live (10 s at most); false, after saying so, when it is not. */
export async function startLive(session: WsSession, io: Io): Promise<boolean> {
  session.start();
  const started = Date.now();
  while (session.getState().kind !== 'live') {
    if (Date.now() - started > 10_000 || session.getState().kind === 'failed') {
      io.err('[ws] error: could not connect');
      session.stop();
      return false;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** Resolves when the command is interrupted (Ctrl-C). */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
