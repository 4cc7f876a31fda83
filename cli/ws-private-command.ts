// Private WebSocket v2 commands (krakenws.py parity): executions, balances, add-order, amend-order,
// cancel-order, cancel-all, cancel-after. The token comes from GetWebSocketsToken over REST, so these need
// KRAKEN_API_KEY / KRAKEN_API_SECRET (and KRAKEN_REST_URL); KRAKEN_WS_AUTH_URL sets the endpoint.
import { WebSocket } from 'ws';
import {
  createTokenSource,
  createWsSession,
  type WebSocketLike,
  WsRequestError,
} from '../lib/kraken/index.ts';
import { type Io, restFromEnv, signedCall } from './rest-command.ts';
import { aborted, reportSession, startLive } from './ws-io.ts';

export const WS_PRIVATE_COMMANDS = [
  'executions',
  'balances',
  'add-order',
  'amend-order',
  'cancel-order',
  'cancel-all',
  'cancel-after',
] as const;
export type WsPrivateCommand = (typeof WS_PRIVATE_COMMANDS)[number];

export const WS_PRIVATE_USAGE = `       npm run kraken -- executions | balances          stream your orders and fills / balances
       npm run kraken -- add-order symbol=BTC/USD side=buy order_type=limit order_qty=0.001 limit_price=50000
       npm run kraken -- amend-order order_id=… limit_price=…
       npm run kraken -- cancel-order order_id=ID[,ID…] | cancel-all | cancel-after timeout=60
Private commands need KRAKEN_API_KEY, KRAKEN_API_SECRET (KRAKEN_REST_URL, KRAKEN_WS_AUTH_URL).`;

const METHOD: Record<Exclude<WsPrivateCommand, 'executions' | 'balances'>, string> = {
  'add-order': 'add_order',
  'amend-order': 'amend_order',
  'cancel-order': 'cancel_order',
  'cancel-all': 'cancel_all',
  'cancel-after': 'cancel_all_orders_after',
};

/** key=value → WS v2 params: numbers stay JSON numbers (Kraken's v2 format), true/false booleans, ids lists. */
function parseParams(command: WsPrivateCommand, args: string[]): Record<string, unknown> | string {
  const params: Record<string, unknown> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return `not key=value: ${arg}`;
    const key = arg.slice(0, eq);
    const text = arg.slice(eq + 1);
    if (command === 'cancel-order' && (key === 'order_id' || key === 'cl_ord_id'))
      params[key] = text.split(',');
    else if (text === 'true' || text === 'false') params[key] = text === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(text) && key !== 'cl_ord_id' && key !== 'order_id')
      params[key] = Number(text);
    else params[key] = text;
  }
  return params;
}

export async function wsPrivateCommand(
  command: WsPrivateCommand,
  args: string[],
  io: Io,
  signal: AbortSignal,
): Promise<number> {
  const rest = restFromEnv(io, true, command);
  if (typeof rest === 'string') {
    io.err(rest);
    return 2;
  }
  const params = parseParams(command, args);
  if (typeof params === 'string') {
    io.err(`${params}\n${WS_PRIVATE_USAGE}`);
    return 2;
  }
  const tokens = createTokenSource(() => signedCall(io, () => rest.getWebSocketsToken()));
  const session = createWsSession({
    url: io.env.KRAKEN_WS_AUTH_URL ?? 'wss://ws-auth.kraken.com/v2',
    createSocket: (u) => new WebSocket(u) as unknown as WebSocketLike,
    token: () => tokens.fresh(),
    signal,
  });
  reportSession(session, io);

  if (command === 'executions' || command === 'balances') {
    session.subscribe(
      command === 'executions' ? { channel: 'executions', snapTrades: true } : { channel: 'balances' },
    );
    session.on('data', (m) => {
      if (m.channel === command) io.out(JSON.stringify(m.raw));
    });
    session.start();
    await aborted(signal);
    return 0;
  }

  if (!(await startLive(session, io))) return 1;
  try {
    io.out(JSON.stringify(await session.privateRequest(METHOD[command], params)));
    return 0;
  } catch (error) {
    io.err(`[ws] error: ${error instanceof WsRequestError ? error.detail : String(error)}`);
    return 1;
  } finally {
    session.stop();
  }
}
