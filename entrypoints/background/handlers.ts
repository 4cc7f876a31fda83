// Implements the messaging contract (lib/messaging/protocol.ts): one function per request.
import type { MarketService } from '../../lib/market/service.ts';
import { serializeError } from '../../lib/messaging/errors.ts';
import type { Request, RequestType, Response, ResultOf } from '../../lib/messaging/protocol.ts';

export async function handleRequest(market: MarketService, req: Request): Promise<Response<RequestType>> {
  try {
    return { ok: true, value: await dispatch(market, req) };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

async function dispatch(market: MarketService, req: Request): Promise<ResultOf<RequestType>> {
  switch (req.type) {
    case 'watchlist.add':
      return { symbol: await market.addPair(req.symbol) };
    case 'watchlist.remove':
      return { symbol: await market.removePair(req.symbol) };
    case 'badge.setPair':
      return { symbol: await market.setBadgePair(req.symbol) };
    case 'settings.get':
      return market.settings();
    case 'settings.setEndpoints':
      return market.setEndpoints(req.endpoints);
    default: {
      const never: never = req;
      throw new Error(`unhandled request ${JSON.stringify(never)}`);
    }
  }
}
