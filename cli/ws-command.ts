// `npm run kraken -- <ticker|spread|book|ohlc|trade|ping> …`: public WebSocket v2 commands in the spirit
// of Kraken's krakenws.py (https://support.kraken.com/hc/en-us/articles/360029793352). One JSON message
// per line on stdout; connection status and errors on stderr.
import { WebSocket } from 'ws';
import {
  type BookDepth,
  type ChannelMessage,
  createWsSession,
  type InstrumentPair,
  type OhlcInterval,
  type Subscription,
  type WebSocketLike,
  watchBook,
} from '../lib/kraken/index.ts';
import type { Io } from './rest-command.ts';
import { aborted, reportSession, startLive } from './ws-io.ts';

export const WS_COMMANDS = ['ticker', 'spread', 'book', 'ohlc', 'trade', 'ping'] as const;
export type WsCommand = (typeof WS_COMMANDS)[number];

export const WS_USAGE = `usage: npm run kraken -- ticker SYMBOL…        live ticker (trades)
       npm run kraken -- spread SYMBOL…        best bid/ask (ticker, event_trigger=bbo)
       npm run kraken -- book SYMBOL [DEPTH]   verified order book (10, 25, 100, 500, 1000)
       npm run kraken -- ohlc SYMBOL [MINUTES] candles (1, 5, 15, 30, 60, 240, 1440, 10080, 21600)
       npm run kraken -- trade SYMBOL…         trades
       npm run kraken -- ping                  one ping, then exit
Symbols are WebSocket v2 names (BTC/USD). KRAKEN_WS_URL sets the endpoint (default wss://ws.kraken.com/v2).`;

const DEPTHS = [10, 25, 100, 500, 1000];
const INTERVALS = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

const nodeSocket = (url: string) => new WebSocket(url) as unknown as WebSocketLike;

function subscriptionsFor(
  command: Exclude<WsCommand, 'book' | 'ping'>,
  args: string[],
): Subscription[] | string {
  if (args.length === 0) return 'give at least one symbol, e.g. BTC/USD';
  switch (command) {
    case 'ticker':
      return args.map((symbol) => ({ channel: 'ticker', symbol }));
    case 'spread':
      return args.map((symbol) => ({ channel: 'ticker', symbol, eventTrigger: 'bbo' }));
    case 'trade':
      return args.map((symbol) => ({ channel: 'trade', symbol }));
    case 'ohlc': {
      const [symbol = '', minutes = '1'] = args;
      const interval = Number(minutes);
      if (!INTERVALS.includes(interval)) return `interval must be one of ${INTERVALS.join(', ')}`;
      return [{ channel: 'ohlc', symbol, interval: interval as OhlcInterval }];
    }
    default: {
      const never: never = command;
      return `unknown command ${String(never)}`;
    }
  }
}

function print(io: Io, message: ChannelMessage): void {
  if ('raw' in message) io.out(JSON.stringify(message.raw));
  else if (message.channel === 'ticker' || message.channel === 'book' || message.channel === 'status') {
    io.out(JSON.stringify(message));
  }
}

/** Runs until `signal` aborts (Ctrl-C); returns the exit code. */
export async function wsCommand(
  command: WsCommand,
  args: string[],
  io: Io,
  signal: AbortSignal,
): Promise<number> {
  const url = io.env.KRAKEN_WS_URL ?? 'wss://ws.kraken.com/v2';
  const session = createWsSession({ url, createSocket: nodeSocket, signal });
  reportSession(session, io);
  const done = aborted(signal);

  if (command === 'ping') {
    if (!(await startLive(session, io))) return 1;
    try {
      io.out(JSON.stringify(await session.request('ping', undefined)));
      return 0;
    } catch (error) {
      io.err(`[ws] error: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    } finally {
      session.stop();
    }
  }

  if (command === 'book') {
    const [symbol, depthText = '10'] = args;
    const depth = Number(depthText);
    if (!symbol || !DEPTHS.includes(depth)) {
      io.err(WS_USAGE);
      return 2;
    }
    // The checksum needs the pair's precisions: the instrument channel has them (SPEC.md §5.6).
    session.subscribe({ channel: 'instrument' });
    let stop: (() => void) | null = null;
    session.on('data', (message) => {
      if (message.channel !== 'instrument' || stop) return;
      const pair = message.data.pairs.find((p: InstrumentPair) => p.symbol === symbol);
      if (!pair) {
        io.err(`[ws] error: Currency pair not supported ${symbol}`);
        return;
      }
      session.unsubscribe({ channel: 'instrument' });
      stop = watchBook(
        session,
        {
          symbol,
          depth: depth as BookDepth,
          pricePrecision: pair.price_precision,
          qtyPrecision: pair.qty_precision,
        },
        (event) => {
          if (event.kind === 'mismatch') {
            io.err(
              `[ws] error: checksum mismatch on ${symbol}: expected ${event.expected}, computed ${event.actual}${event.resyncing ? '; resubscribing' : '; giving up'}`,
            );
          } else if (event.kind === 'stale') io.err(`[ws] ${symbol} book stale (${event.reason})`);
        },
      );
      session.on('data', (m) => {
        if (m.channel === 'book') print(io, m);
      });
    });
    session.start();
    await done;
    return 0;
  }

  const subs = subscriptionsFor(command, args);
  if (typeof subs === 'string') {
    io.err(`${subs}\n${WS_USAGE}`);
    return 2;
  }
  for (const sub of subs) session.subscribe(sub);
  session.on('data', (message) => {
    const wanted =
      message.channel === 'other'
        ? message.name === subs[0]?.channel
        : message.channel === 'ticker' || message.channel === subs[0]?.channel;
    if (wanted) print(io, message);
  });
  session.start();
  await done;
  return 0;
}
