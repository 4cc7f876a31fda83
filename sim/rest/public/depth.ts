import type { JsonValue } from '../../json-raw.ts';
import type { BookSide } from '../../market/book.ts';
import type { PublicHandler } from '../context.ts';
import { costPrice, volume3 } from '../numbers.ts';
import { intParam } from '../params.ts';
import { fail, ok, RestError } from '../reply.ts';
import { isReply, resolvePair } from './single-pair.ts';

/**
 * GET /0/public/Depth (https://docs.kraken.com/api/docs/rest-api/get-order-book): `count` 1..500 (default
 * 100); levels `[price, volume, timestamp]` with prices at cost_decimals, volumes with 3 decimals and the
 * level's last-change Unix time, as in the official example `["30384.10000","2.059",1688671659]`.
 */
export const depth: PublicHandler = (params, context) => {
  const resolved = resolvePair(params, context);
  if (isReply(resolved)) return resolved;
  const count = intParam(params, 'count');
  const n = count.kind === 'absent' ? 100 : count.kind === 'value' ? count.value : -1;
  if (n < 1 || n > 500) return fail(RestError.invalidArguments);
  const { spec, book } = resolved.market;
  const levels = (side: BookSide): JsonValue =>
    side.snapshot(n).map((level) => [costPrice(spec, level.tick), volume3(spec, level.qty), level.ts]);
  return ok({ [resolved.named.key]: { asks: levels(book.asks), bids: levels(book.bids) } });
};
