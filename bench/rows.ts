// The bench's rows: their fields, every row id in order, `--only` and writing bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Row {
  id: string;
  unit: string;
  ours: number;
  floor?: number;
  ccxt?: number;
  budget?: number;
  /** rest-pacing: EAPI:Rate limit exceeded answers seen (goal 0). */
  rateLimitErrors?: number;
  /** order-chaos: confirmations, orders at Kraken, and the three counts whose goal is 0. */
  confirmed?: number;
  placed?: number;
  duplicates?: number;
  foreign?: number;
  misreported?: number;
  /** order-ack: p50 ms over the private WebSocket and over REST, and their p95. */
  ws?: number;
  rest?: number;
  wsP95?: number;
  restP95?: number;
  /** order-ack: the library's clients alone (Node, same simulator), p50 ms. */
  restFloor?: number;
  /** request-roundtrip: p95 ms over the request port, and p50/p95 over runtime.sendMessage. */
  p95?: number;
  sendMessage?: number;
  sendMessageP95?: number;
  /** sidepanel-heap: the samples (MB), every 10 s. */
  samples?: number[];
  /** fuzz: cases run per surface. */
  cases?: Record<string, number>;
  crashes?: number;
  note: string;
}

/** Every row the bench writes, in its order; `--only` takes these ids. */
export const ROW_IDS = [
  'bundle-js',
  'ws-ticker-parse',
  'crc32-book-string',
  'rest-pacing',
  'book-pipeline',
  'order-chaos',
  'order-ack',
  'request-roundtrip',
  'fuzz',
  'alert-eval-tick',
  'alert-latency-p99',
  'popup-open',
  'tick-to-popup-p99',
  'tick-to-popup-trade-p99',
  'chart-first-paint',
  'chart-frame-p99',
  'popup-js',
  'sidepanel-js',
  'sidepanel-heap',
] as const;
export type RowId = (typeof ROW_IDS)[number];

export function parseOnly(args: string[]): Set<string> | undefined {
  const at = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return undefined;
  const arg = args[at] as string;
  const list = arg.startsWith('--only=') ? arg.slice('--only='.length) : args[at + 1];
  const ids = (list ?? '').split(',').filter(Boolean);
  const unknown = ids.filter((id) => !(ROW_IDS as readonly string[]).includes(id));
  if (ids.length === 0 || unknown.length > 0) {
    console.error(
      `${unknown.length ? `unknown row ${unknown.join(', ')}; ` : ''}--only takes a comma list of: ${ROW_IDS.join(', ')}`,
    );
    process.exit(2);
  }
  return new Set(ids);
}

/**
 * Writes the rows made; with `--only`, the other rows of an existing results file stay, in ROW_IDS order. A row
 * whose id is not in ROW_IDS is a mistake in the bench (it could not be asked for): it throws.
 */
export function writeResults(path: string, made: Row[], only: Set<string> | undefined): void {
  const undeclared = made.filter((r) => !(ROW_IDS as readonly string[]).includes(r.id));
  if (undeclared.length)
    throw new Error(`rows missing from ROW_IDS: ${undeclared.map((r) => r.id).join(', ')}`);
  const kept: Row[] =
    only !== undefined && existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as { rows: Row[] }).rows.filter((r) => !only.has(r.id))
      : [];
  const order = (r: Row) => (ROW_IDS as readonly string[]).indexOf(r.id);
  const rows = [...kept, ...made].sort((a, b) => order(a) - order(b));
  writeFileSync(path, `${JSON.stringify({ rows }, null, 2)}\n`);
}
