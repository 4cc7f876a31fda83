import type { Market } from '../market/market.ts';
import type { Params } from './params.ts';
import type { RestReply } from './reply.ts';

export interface RestContext {
  readonly market: Market;
}

export type PublicHandler = (params: Params, context: RestContext) => RestReply;
