import { rfc3339Seconds } from '../../time-format.ts';
import type { PublicHandler } from '../context.ts';
import { ok } from '../reply.ts';

/** GET /0/public/SystemStatus → `{"status":"online","timestamp":"2023-07-06T18:52:00Z"}` (official example). */
export const systemStatus: PublicHandler = (_params, { market }) =>
  ok({ status: 'online', timestamp: rfc3339Seconds(market.nowNs()) });
