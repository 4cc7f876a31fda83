import { toSeconds } from '../../clock.ts';
import { rfc1123Kraken } from '../../time-format.ts';
import type { PublicHandler } from '../context.ts';
import { ok } from '../reply.ts';

/** GET /0/public/Time → `{"unixtime":1688669448,"rfc1123":"Thu,  6 Jul 23 18:50:48 +0000"}`. */
export const time: PublicHandler = (_params, { market }) => {
  const nowNs = market.nowNs();
  return ok({ unixtime: toSeconds(nowNs), rfc1123: rfc1123Kraken(nowNs) });
};
