import { NS_PER_SECOND } from '../../clock.ts';
import { raw } from '../../json-raw.ts';
import { unixSecondsText } from '../../time-format.ts';
import type { PublicHandler } from '../context.ts';
import { costPrice, lotVolume } from '../numbers.ts';
import { intParam } from '../params.ts';
import { fail, ok, RestError } from '../reply.ts';
import { isReply, resolvePair } from './single-pair.ts';

/** A `since` below this is Unix seconds (e.g. "1616663618", the OpenAPI example); above it, nanoseconds. */
const SECONDS_LIMIT = 100_000_000_000;

/**
 * GET /0/public/Trades (https://docs.kraken.com/api/docs/rest-api/get-recent-trades): rows
 * `[price, volume, time, "b"|"s", "m"|"l", misc, trade_id]`; without `since` the newest `count` (default and
 * max 1000), with `since` the first `count` after it; `last` is the ns cursor (a string) of the last row.
 */
export const trades: PublicHandler = (params, context) => {
  const resolved = resolvePair(params, context);
  if (isReply(resolved)) return resolved;
  const count = intParam(params, 'count');
  const n = count.kind === 'absent' ? 1000 : count.kind === 'value' ? count.value : -1;
  if (n < 1 || n > 1000) return fail(RestError.invalidArguments);
  const sinceText = params.get('since');
  let sinceNs: bigint | undefined;
  if (sinceText !== undefined && sinceText !== '') {
    if (!/^\d{1,20}$/.test(sinceText)) return fail(RestError.invalidArguments);
    const value = BigInt(sinceText);
    sinceNs = value < BigInt(SECONDS_LIMIT) ? value * NS_PER_SECOND : value;
  }
  const { spec, tape } = resolved.market;
  const rows = sinceNs === undefined ? tape.recent(n) : tape.after(sinceNs, n);
  const lastRow = rows[rows.length - 1];
  const last = lastRow ? lastRow.tsNs : (sinceNs ?? context.market.nowNs());
  return ok({
    [resolved.named.key]: rows.map((trade) => [
      costPrice(spec, trade.tick),
      lotVolume(spec, trade.qty),
      raw(unixSecondsText(trade.tsNs)),
      trade.side === 'buy' ? 'b' : 's',
      trade.ordType === 'market' ? 'm' : 'l',
      '',
      trade.id,
    ]),
    last: last.toString(),
  });
};
