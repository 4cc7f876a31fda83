import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export type ReplaySpeed = 'recorded' | 'max';

export interface ReplayCapture {
  /** One raw WS v2 frame per entry, sent verbatim (number text such as `0.00100000` survives). */
  readonly frames: readonly string[];
  readonly speed: ReplaySpeed;
}

/** Splits a JSONL capture into frames, skipping blank lines; every line must be JSON. */
export function parseCapture(text: string): string[] {
  const frames = text.split('\n').filter((line) => line.trim() !== '');
  frames.forEach((line, i) => {
    try {
      JSON.parse(line);
    } catch {
      throw new Error(`capture line ${i + 1} is not JSON`);
    }
  });
  return frames;
}

/** The time a frame carries (`data[0].timestamp`, else `time_out`), in ms; undefined if none. */
export function frameTimeMs(frame: string): number | undefined {
  const match = /"timestamp":"([^"]+)"/.exec(frame) ?? /"time_out":"([^"]+)"/.exec(frame);
  if (!match?.[1]) return undefined;
  const ms = Date.parse(match[1]);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * `--replay FILE`: the public endpoint plays a capture instead of the live market. Each connection gets
 * the whole capture once it sends its first `subscribe`, either spaced as recorded (gaps taken from the
 * frames' own timestamps, capped at 5 s) or back to back (`max`). Pings are answered; nothing else is.
 */
export class ReplayGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly capture: ReplayCapture) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    let started = false;
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let method: unknown;
      let reqId: unknown;
      try {
        const parsed = JSON.parse(data.toString()) as { method?: unknown; req_id?: unknown };
        method = parsed.method;
        reqId = parsed.req_id;
      } catch {
        return;
      }
      if (method === 'ping') {
        const now = new Date().toISOString();
        ws.send(JSON.stringify({ method: 'pong', req_id: reqId, time_in: now, time_out: now }));
      } else if (method === 'subscribe' && !started) {
        started = true;
        void this.play(ws);
      }
    });
  }

  private async play(ws: WebSocket): Promise<void> {
    let previous: number | undefined;
    for (const frame of this.capture.frames) {
      if (ws.readyState !== ws.OPEN) return;
      if (this.capture.speed === 'recorded') {
        const at = frameTimeMs(frame);
        const gap = at !== undefined && previous !== undefined ? at - previous : 0;
        if (gap > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(5000, gap)));
        if (at !== undefined) previous = at;
      }
      ws.send(frame);
    }
  }

  drop(): void {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
  }

  close(): Promise<void> {
    this.drop();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
