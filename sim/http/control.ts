import type { Market } from '../market/market.ts';
import type { WsGateway } from '../ws/gateway.ts';

/** Answer of a test-control endpoint. */
export interface ControlReply {
  readonly status: number;
  readonly body: string;
}

const OK: ControlReply = { status: 200, body: '{"ok":true}' };

function bad(status: number, error: string): ControlReply {
  return { status, body: JSON.stringify({ ok: false, error }) };
}

/** Longest silence a test may ask for (a minute covers any watchdog). */
const MAX_SILENCE_MS = 600_000;

function silenceMs(body: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || !('ms' in parsed)) return undefined;
  const { ms } = parsed;
  return typeof ms === 'number' && Number.isInteger(ms) && ms >= 0 && ms <= MAX_SILENCE_MS ? ms : undefined;
}

/**
 * Test-control endpoints (not Kraken's): POST /_sim/ws/drop, /_sim/ws/silence {"ms":N}, /_sim/market/step.
 * See docs/simulator.md.
 */
export function handleControl(
  method: string,
  pathname: string,
  body: string,
  market: Market,
  gateway: WsGateway,
): ControlReply {
  const known = ['/_sim/ws/drop', '/_sim/ws/silence', '/_sim/market/step'];
  if (!known.includes(pathname)) return bad(404, `unknown control endpoint ${pathname}`);
  if (method !== 'POST') return bad(405, 'control endpoints take POST');
  switch (pathname) {
    case '/_sim/ws/drop':
      gateway.drop();
      return OK;
    case '/_sim/ws/silence': {
      const ms = silenceMs(body);
      if (ms === undefined) return bad(400, `body must be {"ms":<integer 0..${MAX_SILENCE_MS}>}`);
      gateway.silence(ms);
      return OK;
    }
    default:
      market.step();
      return OK;
  }
}
