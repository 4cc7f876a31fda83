import type { Exchange } from '../account/exchange.ts';
import { toUnits } from '../decimal.ts';
import type { RestFaults } from '../faults/rest-faults.ts';
import type { Market } from '../market/market.ts';
import {
  PAIR_STATUSES,
  type PairStatus,
  SYSTEM_STATUSES,
  type SystemStatus,
} from '../market/status-board.ts';
/** What the WS test controls need of a gateway (public and private endpoints both provide it). */
export interface ControlledGateway {
  drop(): void;
  silence(ms: number): void;
  sendMalformed(count: number): void;
  corruptNextChecksum(): void;
  setHeartbeats(enabled: boolean): void;
}

import { createAccount, createKey, setVolume } from './account-control.ts';
import { bad, type ControlReply, intIn, type Json, MAX_MS, OK } from './control-reply.ts';
import { setFaults } from './fault-control.ts';
import { isLoopback } from './loopback.ts';
import type { StatusPage } from './status-page.ts';

export interface ControlDeps {
  readonly market: Market;
  readonly gateways: readonly ControlledGateway[];
  readonly faults: RestFaults;
  /** Floods: sends `count` book updates to every public connection (see ws/flood.ts). */
  readonly flood: (count: number) => number;
  /** Whether CancelAllOrdersAfter's countdown is running (the dead man's switch). */
  readonly deadManArmed: () => boolean;
  /** Accounts and keys (`/_sim/accounts`, `/_sim/keys`, `/_sim/accounts/volume`). */
  readonly exchange: Exchange;
  /** The status page's announced maintenances (`/_sim/maintenance`). */
  readonly statusPage: StatusPage;
}

function parseObject(body: string): Json | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Json)
      : undefined;
  } catch {
    return undefined;
  }
}

const ENDPOINTS = [
  '/_sim/ws/drop',
  '/_sim/ws/silence',
  '/_sim/ws/malformed',
  '/_sim/ws/corrupt-checksum',
  '/_sim/ws/heartbeats',
  '/_sim/ws/flood',
  '/_sim/market/step',
  '/_sim/market/price',
  '/_sim/faults',
  '/_sim/faults/clear',
  '/_sim/dead-man',
  '/_sim/accounts',
  '/_sim/accounts/volume',
  '/_sim/keys',
  '/_sim/status',
  '/_sim/maintenance',
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

function isEndpoint(pathname: string): pathname is Endpoint {
  return (ENDPOINTS as readonly string[]).includes(pathname);
}

/**
 * Test-control endpoints (not Kraken's), all POST with a JSON body, answered only to loopback callers.
 * See docs/simulator.md for each one.
 */
export function handleControl(
  method: string,
  pathname: string,
  body: string,
  remoteAddress: string | undefined,
  deps: ControlDeps,
): ControlReply {
  if (!isLoopback(remoteAddress)) return bad(403, 'test-control endpoints answer loopback callers only');
  if (!isEndpoint(pathname)) return bad(404, `unknown control endpoint ${pathname}`);
  if (method !== 'POST') return bad(405, 'control endpoints take POST');
  const json = parseObject(body);
  if (!json) return bad(400, 'body must be a JSON object');
  switch (pathname) {
    case '/_sim/ws/drop':
      for (const gateway of deps.gateways) gateway.drop();
      return OK;
    case '/_sim/ws/silence': {
      const ms = intIn(json.ms, 0, MAX_MS);
      if (ms === undefined) return bad(400, `body must be {"ms":<integer 0..${MAX_MS}>}`);
      for (const gateway of deps.gateways) gateway.silence(ms);
      return OK;
    }
    case '/_sim/ws/malformed': {
      const count = json.count === undefined ? 1 : intIn(json.count, 1, 1000);
      if (count === undefined) return bad(400, 'body must be {"count":<integer 1..1000>}');
      for (const gateway of deps.gateways) gateway.sendMalformed(count);
      return OK;
    }
    case '/_sim/ws/corrupt-checksum':
      for (const gateway of deps.gateways) gateway.corruptNextChecksum();
      return OK;
    case '/_sim/ws/heartbeats':
      if (typeof json.enabled !== 'boolean') return bad(400, 'body must be {"enabled":true|false}');
      for (const gateway of deps.gateways) gateway.setHeartbeats(json.enabled);
      return OK;
    case '/_sim/ws/flood': {
      const count = intIn(json.count, 1, 10_000_000);
      if (count === undefined) return bad(400, 'body must be {"count":<integer 1..10000000>}');
      return { status: 200, body: JSON.stringify({ ok: true, sent: deps.flood(count) }) };
    }
    case '/_sim/market/step':
      deps.market.step();
      return OK;
    case '/_sim/market/price':
      return setPrice(json, deps.market);
    case '/_sim/faults':
      return setFaults(json, deps.faults);
    case '/_sim/faults/clear':
      deps.faults.clear();
      return OK;
    case '/_sim/dead-man':
      return { status: 200, body: JSON.stringify({ ok: true, armed: deps.deadManArmed() }) };
    case '/_sim/accounts':
      return createAccount(deps.exchange);
    case '/_sim/accounts/volume':
      return setVolume(json, deps.exchange);
    case '/_sim/keys':
      return createKey(json, deps.exchange);
    case '/_sim/status':
      return setStatus(json, deps.market);
    case '/_sim/maintenance':
      return deps.statusPage.control(json, new Date());
    default: {
      const never: never = pathname;
      return bad(404, `unknown control endpoint ${String(never)}`);
    }
  }
}

/**
 * `{"system"?:"online"|"maintenance"|"cancel_only"|"post_only","pair"?:"BTC/USD","pairStatus"?:…}`:
 * switches SystemStatus and/or one pair's status (Kraken's names, market/status-board.ts).
 */
function setStatus(json: Json, market: Market): ControlReply {
  const { system, pair, pairStatus } = json;
  if (system === undefined && pair === undefined) return bad(400, 'give system and/or pair + pairStatus');
  if (system !== undefined && !SYSTEM_STATUSES.includes(system as SystemStatus))
    return bad(400, `system must be one of ${SYSTEM_STATUSES.join(', ')}`);
  if ((pair === undefined) !== (pairStatus === undefined)) return bad(400, 'pair and pairStatus go together');
  const spec = typeof pair === 'string' ? market.listing.pair(pair) : undefined;
  if (pair !== undefined && !spec) return bad(400, 'pair must be a simulated WS v2 symbol such as "BTC/USD"');
  if (pairStatus !== undefined && !PAIR_STATUSES.includes(pairStatus as PairStatus))
    return bad(400, `pairStatus must be one of ${PAIR_STATUSES.join(', ')}`);
  if (system !== undefined) market.status.setSystem(system as SystemStatus);
  if (spec) market.status.setPair(spec.symbol, pairStatus as PairStatus);
  return OK;
}

/** `{"symbol":"BTC/USD","price":"90000.0"}`: the next step trades at that price (run at once). */
function setPrice(json: Json, market: Market): ControlReply {
  const spec = typeof json.symbol === 'string' ? market.listing.pair(json.symbol) : undefined;
  if (!spec) return bad(400, 'symbol must be a simulated WS v2 symbol such as "BTC/USD"');
  if (typeof json.price !== 'string' || !/^\d+(\.\d+)?$/.test(json.price)) {
    return bad(400, 'price must be a decimal string such as "90000.0"');
  }
  let tick: bigint;
  try {
    tick = toUnits(json.price, spec.priceDecimals);
  } catch {
    return bad(400, `price has more than ${spec.priceDecimals} decimals`);
  }
  if (tick < 2n || tick > BigInt(Number.MAX_SAFE_INTEGER)) return bad(400, 'price out of range');
  market.pair(spec.symbol)?.forcePrice(Number(tick));
  market.step();
  return OK;
}
