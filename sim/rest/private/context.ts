import type { Account } from '../../account/account.ts';
import type { Exchange } from '../../account/exchange.ts';
import type { ApiKey } from '../../account/keys.ts';
import type { Params } from '../params.ts';
import type { RestReply } from '../reply.ts';

/** An authenticated private call. `json` is the parsed body when it was sent as JSON (AddOrderBatch). */
export interface PrivateRequest {
  readonly params: Params;
  readonly json: unknown;
  readonly key: ApiKey;
  readonly exchange: Exchange;
  /** The account the key acts on. */
  readonly account: Account;
}

export type PrivateHandler = (request: PrivateRequest) => RestReply;

export const invalidArguments = (field: string): string => `EGeneral:Invalid arguments:${field}`;
