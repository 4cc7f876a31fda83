import type { IncomingHttpHeaders } from 'node:http';
import type { Exchange } from '../../account/exchange.ts';
import type { Permission } from '../../account/keys.ts';
import type { Params } from '../params.ts';
import { fail, RestError, type RestReply } from '../reply.ts';
import { balance, balanceEx, tradeBalance } from './account.ts';
import { addOrder, addOrderBatch } from './add-order.ts';
import { amendOrderHandler, editOrder } from './amend.ts';
import { orderAmends } from './amends.ts';
import { authenticate } from './auth.ts';
import { cancelAllHandler, cancelAllOrdersAfter, cancelOrderBatch, cancelOrderHandler } from './cancel.ts';
import type { PrivateHandler } from './context.ts';
import { getApiKeyInfo, withdrawStatus } from './key-info.ts';
import { ledgers, queryLedgers } from './ledgers.ts';
import { closedOrders, openOrders, queryOrders, tradesHistory } from './queries.ts';
import { getWebSocketsToken } from './token.ts';
import { tradeVolume } from './trade-volume.ts';

interface Endpoint {
  readonly handler: PrivateHandler;
  /** Every permission listed is required (Kraken's "API Key Permissions Required", SPEC §1.3). */
  readonly needs: readonly Permission[];
  /** At least one of these is required too (Kraken's "… or …" requirements). */
  readonly anyOf?: readonly Permission[];
  /**
   * REST counter cost: 1, or 2 for trade-history calls; 0 for order entry/cancel, which Kraken counts
   * on the per-pair trading counter instead (https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits).
   */
  readonly cost: 0 | 1 | 2;
}

const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  Object.entries({
    Balance: { handler: balance, needs: ['query-funds'], cost: 1 },
    BalanceEx: { handler: balanceEx, needs: ['query-funds'], cost: 1 },
    TradeBalance: { handler: tradeBalance, needs: ['query-open-trades'], cost: 1 },
    OpenOrders: { handler: openOrders, needs: ['query-open-trades'], cost: 1 },
    ClosedOrders: { handler: closedOrders, needs: ['query-closed-trades'], cost: 1 },
    QueryOrders: { handler: queryOrders, needs: ['query-open-trades'], cost: 1 },
    TradesHistory: { handler: tradesHistory, needs: ['query-closed-trades'], cost: 2 },
    Ledgers: { handler: ledgers, needs: ['query-ledger'], cost: 2 },
    QueryLedgers: { handler: queryLedgers, needs: ['query-ledger'], cost: 2 },
    AddOrder: { handler: addOrder, needs: ['modify-trades'], cost: 0 },
    AddOrderBatch: { handler: addOrderBatch, needs: ['modify-trades', 'close-trades'], cost: 0 },
    AmendOrder: { handler: amendOrderHandler, needs: ['modify-trades'], cost: 0 },
    EditOrder: { handler: editOrder, needs: ['modify-trades', 'close-trades'], cost: 0 },
    CancelOrder: { handler: cancelOrderHandler, needs: ['close-trades'], cost: 0 },
    CancelOrderBatch: { handler: cancelOrderBatch, needs: ['close-trades'], cost: 0 },
    CancelAll: { handler: cancelAllHandler, needs: ['close-trades'], cost: 0 },
    CancelAllOrdersAfter: { handler: cancelAllOrdersAfter, needs: ['close-trades'], cost: 0 },
    GetWebSocketsToken: { handler: getWebSocketsToken, needs: ['create-ws-token'], cost: 1 },
    GetApiKeyInfo: { handler: getApiKeyInfo, needs: [], cost: 1 },
    OrderAmends: {
      handler: orderAmends,
      needs: [],
      anyOf: ['query-open-trades', 'query-closed-trades'],
      cost: 1,
    },
    TradeVolume: { handler: tradeVolume, needs: ['query-funds'], cost: 1 },
    WithdrawStatus: {
      handler: withdrawStatus,
      needs: [],
      anyOf: ['withdraw-funds', 'query-ledger'],
      cost: 1,
    },
  }),
);

export const PRIVATE_METHODS: readonly string[] = [...ENDPOINTS.keys()];

export interface PrivateCall {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly params: Params;
  readonly json: unknown;
  /** The caller's address (a key's IP allow-list). */
  readonly remoteAddress?: string | undefined;
}

/** A private call that passed authentication, the REST counter and permissions: `run` executes it. */
export type PreparedCall =
  | { readonly ready: false; readonly reply: RestReply }
  | { readonly ready: true; readonly run: () => RestReply };

/**
 * `/0/private/<Method>`: POST only; authentication (key, signature, nonce), then the REST counter, then
 * the key's permissions. The endpoint itself runs when `run` is called (at once, or later for the
 * `lateExecution` fault).
 */
export function preparePrivate(call: PrivateCall, exchange: Exchange): PreparedCall {
  const endpoint = ENDPOINTS.get(call.method);
  if (!endpoint) return { ready: false, reply: fail(RestError.unknownMethod, 404) };
  // SystemStatus `maintenance`: "No new orders or cancellations may be submitted" — the simulator refuses
  // every private call then (ours: Kraken does not say what else answers).
  if (exchange.market.status.system === 'maintenance')
    return { ready: false, reply: fail('EService:Unavailable') };
  const auth = authenticate(
    exchange,
    `/0/private/${call.method}`,
    call.headers,
    call.body,
    call.params,
    call.remoteAddress,
  );
  if (!auth.ok) return { ready: false, reply: fail(auth.error) };
  if (endpoint.cost > 0 && !exchange.restLimiter.charge(auth.key.key, endpoint.cost)) {
    return { ready: false, reply: fail('EAPI:Rate limit exceeded') };
  }
  const has = (permission: Permission) => auth.key.permissions.has(permission);
  if (!endpoint.needs.every(has) || (endpoint.anyOf !== undefined && !endpoint.anyOf.some(has))) {
    return { ready: false, reply: fail('EGeneral:Permission denied') };
  }
  const request = {
    params: call.params,
    json: call.json,
    key: auth.key,
    exchange,
    account: exchange.accountOf(auth.key),
  };
  return { ready: true, run: () => endpoint.handler(request) };
}

export function routePrivate(call: PrivateCall, exchange: Exchange): RestReply {
  const prepared = preparePrivate(call, exchange);
  return prepared.ready ? prepared.run() : prepared.reply;
}
