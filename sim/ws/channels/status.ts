import { randomBytes } from 'node:crypto';
import { raw, toJson } from '../../json-raw.ts';
import type { SystemStatus } from '../../market/status-board.ts';

/**
 * Kraken's connection ids are unsigned 64-bit and exceed 2^53 (SPEC §5.1, e.g. 13834774380200032777);
 * the top bit is forced so clients that parse them as doubles meet the rounding they would meet live.
 */
export function newConnectionId(): bigint {
  return randomBytes(8).readBigUInt64BE() | (1n << 63n);
}

/**
 * Sent on connect: `{"channel":"status","data":[{"api_version":"v2","connection_id":…,"system":"online",
 * "version":"2.0.10"}],"type":"update"}` (https://docs.kraken.com/api/docs/websocket-v2/status; key order as
 * the docs and a recorded message; version as the newest recorded one).
 */
export function statusMessage(connectionId: bigint, system: SystemStatus = 'online'): string {
  return toJson({
    channel: 'status',
    data: [{ api_version: 'v2', connection_id: raw(connectionId.toString()), system, version: '2.0.10' }],
    type: 'update',
  });
}

export const HEARTBEAT = '{"channel":"heartbeat"}';
