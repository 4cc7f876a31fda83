import { crc32 } from 'node:zlib';
import { WebSocket } from 'ws';
import { type SimHandle, type SimOptions, startSimulator } from '../../sim/server.ts';

/** Real captures and official examples, copied into test/fixtures/kraken (see its PROVENANCE.md). */
export const FIXTURES = new URL('../fixtures/kraken/', import.meta.url);

/** A simulator on a free port; steps only when a test asks (stepMs 0) unless told otherwise. */
export function startTestSim(options: SimOptions = {}): Promise<SimHandle> {
  return startSimulator({ port: 0, stepMs: 0, seed: 42, ...options });
}

// biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary Kraken JSON; the assertions check its shape.
export type AnyJson = any;

export async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; text: string; json: AnyJson }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

export async function step(sim: SimHandle, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const response = await fetch(`${sim.rest}/_sim/market/step`, { method: 'POST' });
    if (response.status !== 200) throw new Error(`step failed: ${response.status}`);
    await response.text();
  }
}

/** A WebSocket client that records every raw frame and lets tests wait for the next matching one. */
export class WsClient {
  readonly frames: string[] = [];
  private readonly waiters: { match: (frame: string) => boolean; resolve: (frame: string) => void }[] = [];
  private cursor = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = data.toString();
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
  }

  static open(url: string): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const client = new WsClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next frame (after the previous `next`) that matches, waiting up to `timeoutMs`. */
  next(match: (frame: string) => boolean = () => true, timeoutMs = 3000): Promise<string> {
    while (this.cursor < this.frames.length) {
      const frame = this.frames[this.cursor] ?? '';
      this.cursor += 1;
      if (match(frame)) return Promise.resolve(frame);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching frame within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match: (frame) => {
          if (!match(frame)) return false;
          this.cursor = this.frames.length;
          return true;
        },
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      });
    });
  }

  /** Skips everything received so far. */
  drain(): void {
    this.cursor = this.frames.length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

export const isChannel = (channel: string, type?: string) => (frame: string) => {
  const message = JSON.parse(frame);
  return message.channel === channel && (type === undefined || message.type === type);
};

export const isMethod = (method: string) => (frame: string) => JSON.parse(frame).method === method;

// ---- Independent book reconstruction from RAW frame text (no sim code involved) ----

export interface RawLevel {
  readonly price: string;
  readonly qty: string;
}

/** The `{"price":…,"qty":…}` objects of one side, as the raw number text on the wire. */
export function rawLevels(frame: string, side: 'bids' | 'asks'): RawLevel[] {
  const start = frame.indexOf(`"${side}":[`);
  if (start < 0) throw new Error(`no ${side} in ${frame.slice(0, 200)}`);
  const end = frame.indexOf(']', start);
  const body = frame.slice(start + side.length + 4, end);
  const levels: RawLevel[] = [];
  for (const match of body.matchAll(/\{"price":([-0-9.eE+]+),"qty":([-0-9.eE+]+)\}/g)) {
    levels.push({ price: match[1] ?? '', qty: match[2] ?? '' });
  }
  return levels;
}

/** The checksum field of a book frame. */
export function rawChecksum(frame: string): number {
  const match = /"checksum":(\d+)/.exec(frame);
  if (!match) throw new Error('no checksum');
  return Number(match[1]);
}

/** Kraken's checksum string: price then qty per level, '.' removed, leading zeros stripped. */
export function checksumOf(asks: readonly RawLevel[], bids: readonly RawLevel[]): number {
  const token = (text: string) => text.replace('.', '').replace(/^0+/, '');
  const text = [...asks.slice(0, 10), ...bids.slice(0, 10)]
    .map((l) => token(l.price) + token(l.qty))
    .join('');
  return crc32(text) >>> 0;
}

/** A client-side book kept exactly like Kraken's guide says: apply, delete on 0, truncate to depth. */
export class ClientBook {
  private bids = new Map<string, string>();
  private asks = new Map<string, string>();

  constructor(private readonly depth: number) {}

  private static sorted(side: Map<string, string>, descending: boolean): RawLevel[] {
    return [...side.entries()]
      .map(([price, qty]) => ({ price, qty }))
      .sort((a, b) => (descending ? Number(b.price) - Number(a.price) : Number(a.price) - Number(b.price)));
  }

  get bidLevels(): RawLevel[] {
    return ClientBook.sorted(this.bids, true);
  }

  get askLevels(): RawLevel[] {
    return ClientBook.sorted(this.asks, false);
  }

  apply(frame: string): void {
    const type = JSON.parse(frame).type;
    if (type === 'snapshot') {
      this.bids.clear();
      this.asks.clear();
    }
    for (const [side, levels] of [
      [this.bids, rawLevels(frame, 'bids')],
      [this.asks, rawLevels(frame, 'asks')],
    ] as const) {
      for (const level of levels) {
        if (Number(level.qty) === 0) side.delete(level.price);
        else side.set(level.price, level.qty);
      }
    }
    this.bids = new Map(this.bidLevels.slice(0, this.depth).map((l) => [l.price, l.qty]));
    this.asks = new Map(this.askLevels.slice(0, this.depth).map((l) => [l.price, l.qty]));
  }

  checksum(): number {
    return checksumOf(this.askLevels, this.bidLevels);
  }
}
