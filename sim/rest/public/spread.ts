import { toSeconds } from '../../clock.ts';
import type { PublicHandler } from '../context.ts';
import { costPrice } from '../numbers.ts';
import { intParam } from '../params.ts';
import { fail, ok, RestError } from '../reply.ts';
import { isReply, resolvePair } from './single-pair.ts';

/**
 * GET /0/public/Spread (https://docs.kraken.com/api/docs/rest-api/get-recent-spreads): the last ~200
 * `[time, bid, ask]` top-of-book changes (prices at cost_decimals, as the official example), `since`
 * keeping entries with time > since; `last` is the time of the newest entry.
 */
export const spread: PublicHandler = (params, context) => {
  const resolved = resolvePair(params, context);
  if (isReply(resolved)) return resolved;
  const since = intParam(params, 'since');
  if (since.kind === 'invalid') return fail(RestError.invalidArguments);
  const { spec, spreads } = resolved.market;
  const entries = spreads.since(since.kind === 'value' ? since.value : undefined);
  const lastEntry = entries[entries.length - 1];
  const last = lastEntry?.time ?? (since.kind === 'value' ? since.value : toSeconds(context.market.nowNs()));
  return ok({
    [resolved.named.key]: entries.map((entry) => [
      entry.time,
      costPrice(spec, entry.bidTick),
      costPrice(spec, entry.askTick),
    ]),
    last,
  });
};
