import { type JsonValue, toJson } from '../json-raw.ts';
import { rfc3339Micro } from '../time-format.ts';

/**
 * Method replies: `{"method", "req_id"?, "result"?, "success", "time_in", "time_out"}` and, on failure,
 * `{"error", "method", "req_id"?, "success":false, "symbol"?, "time_in", "time_out"}` — keys in the
 * alphabetical order of Kraken's own replies (https://docs.kraken.com/api/docs/websocket-v2/book and
 * recorded errors). `req_id` is echoed only when the request carried one.
 */
export interface ReplyTimes {
  readonly timeInNs: bigint;
  readonly timeOutNs: bigint;
}

export function successReply(
  method: string,
  reqId: number | undefined,
  result: JsonValue,
  times: ReplyTimes,
): string {
  return toJson({
    method,
    req_id: reqId,
    result,
    success: true,
    time_in: rfc3339Micro(times.timeInNs),
    time_out: rfc3339Micro(times.timeOutNs),
  });
}

export interface ErrorDetails {
  readonly error: string;
  readonly method?: string | undefined;
  readonly reqId?: number | undefined;
  readonly symbol?: string | undefined;
}

export function errorReply(details: ErrorDetails, times: ReplyTimes): string {
  return toJson({
    error: details.error,
    method: details.method,
    req_id: details.reqId,
    success: false,
    symbol: details.symbol,
    time_in: rfc3339Micro(times.timeInNs),
    time_out: rfc3339Micro(times.timeOutNs),
  });
}

/** `{"method":"pong","req_id":101,"time_in":…,"time_out":…}` (https://docs.kraken.com/api/docs/websocket-v2/ping). */
export function pongReply(reqId: number | undefined, times: ReplyTimes): string {
  return toJson({
    method: 'pong',
    req_id: reqId,
    time_in: rfc3339Micro(times.timeInNs),
    time_out: rfc3339Micro(times.timeOutNs),
  });
}
