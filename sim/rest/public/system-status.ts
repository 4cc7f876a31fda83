import { rfc3339Seconds } from '../../time-format.ts';
import type { PublicHandler } from '../context.ts';
import { ok } from '../reply.ts';

/** GET /0/public/SystemStatus → `{"status":"online","timestamp":"2023-07-06T18:52:00Z"}` (official example); `status` is the StatusBoard's (`POST /_sim/status`). */
export const systemStatus: PublicHandler = (_params, { market }) =>
  ok({ status: market.status.system, timestamp: rfc3339Seconds(market.nowNs()) });
