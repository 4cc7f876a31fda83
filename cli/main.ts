// Command-line client on lib/kraken: `npm run kraken -- rest <Method> [key=value ...]` and the public
// WebSocket v2 commands (ticker, spread, book, ohlc, trade, ping; executions, balances, add-order, …).
import { REST_USAGE, restCommand } from './rest-command.ts';
import { WS_COMMANDS, WS_USAGE, type WsCommand, wsCommand } from './ws-command.ts';
import {
  WS_PRIVATE_COMMANDS,
  WS_PRIVATE_USAGE,
  type WsPrivateCommand,
  wsPrivateCommand,
} from './ws-private-command.ts';

const [command = '', ...rest] = process.argv.slice(2);
const io = {
  out: (t: string) => process.stdout.write(`${t}\n`),
  err: (t: string) => process.stderr.write(`${t}\n`),
  env: process.env,
};

const isWs = (c: string): c is WsCommand => (WS_COMMANDS as readonly string[]).includes(c);
const isWsPrivate = (c: string): c is WsPrivateCommand =>
  (WS_PRIVATE_COMMANDS as readonly string[]).includes(c);

function abortOnSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  return controller.signal;
}

if (command === 'rest') {
  process.exitCode = await restCommand(rest, io);
} else if (isWs(command)) {
  process.exitCode = await wsCommand(command, rest, io, abortOnSignal());
  process.exit();
} else if (isWsPrivate(command)) {
  process.exitCode = await wsPrivateCommand(command, rest, io, abortOnSignal());
  process.exit();
} else {
  io.err(`${REST_USAGE}\n${WS_USAGE}\n${WS_PRIVATE_USAGE}`);
  process.exitCode = 2;
}
