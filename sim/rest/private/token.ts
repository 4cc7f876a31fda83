import { TOKEN_TTL_SEC } from '../../account/ws-tokens.ts';
import { ok } from '../reply.ts';
import type { PrivateHandler } from './context.ts';

/** `GetWebSocketsToken` → `{"token":"…","expires":900}` (https://docs.kraken.com/api/docs/rest-api/get-websockets-token). */
export const getWebSocketsToken: PrivateHandler = ({ key, exchange }) =>
  ok({ token: exchange.tokens.issue(key), expires: TOKEN_TTL_SEC });
