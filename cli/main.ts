// Command-line client on lib/kraken: `npm run kraken -- rest <Method> [key=value ...]` and the public
// WebSocket v2 commands (ticker, spread, book, ohlc, trade, ping).
import { REST_USAGE, restCommand } from './rest-command.ts';
import { WS_COMMANDS, WS_USAGE, type WsCommand, wsCommand } from './ws-command.ts';

const [command = '', ...rest] = process.argv.slice(2);
const io = {
  out: (t: string) => process.stdout.write(`${t}\n`),
  err: (t: string) => process.stderr.write(`${t}\n`),
  env: process.env,
};

const isWs = (c: string): c is WsCommand => (WS_COMMANDS as readonly string[]).includes(c);

if (command === 'rest') {
  process.exitCode = await restCommand(rest, io);
} else if (isWs(command)) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  process.exitCode = await wsCommand(command, rest, io, controller.signal);
  process.exit();
} else {
  io.err(`${REST_USAGE}\n${WS_USAGE}`);
  process.exitCode = 2;
}
