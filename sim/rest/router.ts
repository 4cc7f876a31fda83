import type { PublicHandler, RestContext } from './context.ts';
import type { Params } from './params.ts';
import { assetPairs } from './public/asset-pairs.ts';
import { assets } from './public/assets.ts';
import { depth } from './public/depth.ts';
import { ohlc } from './public/ohlc.ts';
import { spread } from './public/spread.ts';
import { systemStatus } from './public/system-status.ts';
import { ticker } from './public/ticker.ts';
import { time } from './public/time.ts';
import { trades } from './public/trades.ts';
import { fail, RestError, type RestReply } from './reply.ts';

const PUBLIC: ReadonlyMap<string, PublicHandler> = new Map(
  Object.entries({
    Time: time,
    SystemStatus: systemStatus,
    Assets: assets,
    AssetPairs: assetPairs,
    Ticker: ticker,
    OHLC: ohlc,
    Depth: depth,
    Trades: trades,
    Spread: spread,
  }),
);

/**
 * Routes `/0/public/<Method>` (method names are case-sensitive, as Kraken's). Unknown methods get Kraken's
 * `{"error":["EGeneral:Unknown method"]}` with HTTP 404 (as recorded by third-party clients). Private
 * methods are routed by the server to rest/private/router.ts before this is reached; a private path that
 * gets here anyway carries no credentials, hence "EAPI:Invalid key".
 */
export function routeRest(pathname: string, params: Params, context: RestContext): RestReply {
  const publicMatch = /^\/0\/public\/([A-Za-z]+)$/.exec(pathname);
  if (publicMatch) {
    const handler = PUBLIC.get(publicMatch[1] ?? '');
    return handler ? handler(params, context) : fail(RestError.unknownMethod, 404);
  }
  if (/^\/0\/private\/[A-Za-z]+$/.test(pathname)) return fail(RestError.invalidKey);
  return fail(RestError.unknownMethod, 404);
}
