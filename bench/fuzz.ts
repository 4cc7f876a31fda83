// Property-based fuzzing of every inbound surface (fast-check): what the exchange sends (public and private
// WebSocket frames, REST bodies), what a page sends the background (every request type), and what storage
// gives back (every stored record type). A "crash" is anything but the surface's own answer: a parser that
// throws instead of refusing, an error of a class the caller does not expect, an unhandled rejection.
// Used by `npm run bench` (row `fuzz`) with many cases and by test/unit/fuzz.test.ts with fewer.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { AlertRuleError, parseRule } from '../lib/alerts/rules.ts';
import { AlertStateError, parseRuleState } from '../lib/alerts/state-record.ts';
import {
  createOrderBook,
  createOrdersTracker,
  KrakenError,
  parseIncoming,
  parseIntent,
} from '../lib/kraken/index.ts';
import { send } from '../lib/kraken/rest/transport.ts';
import { parseRequest, REQUEST_TYPES } from '../lib/messaging/parse.ts';
import { PaperStateCorrupted, parsePaperState } from '../lib/paper/parse.ts';
import { parseSettings } from '../lib/settings/schema.ts';
import { fillView, orderView } from '../lib/trading/live/order-views.ts';

const ROOT = resolve(import.meta.dirname, '..');
const docs = JSON.parse(
  readFileSync(resolve(ROOT, 'test/fixtures/kraken/official/ws_v2_docs_examples.json'), 'utf8'),
) as { examples: { dir: string; msg: unknown }[] };
const serverFrames = docs.examples.filter((e) => e.dir === 'server->client').map((e) => e.msg);

/** Values that break naive code: prototype keys, non-finite numbers as text, huge and exponent numbers, depth. */
const hostileLeaf = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'NaN',
    'Infinity',
    '-0',
    '1e308',
    '1e-400',
    '9'.repeat(400),
    '',
  ),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1e308, 5e-324),
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'channel', 'data', 'type')),
    tie('value'),
    { maxKeys: 6 },
  ),
})).value;

/** A real frame with one field replaced by a hostile value (the shapes parsers meet most often). */
function mutated(frames: unknown[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...frames), fc.nat(), hostileJson).map(([frame, at, value]) => {
    const copy = structuredClone(frame) as Record<string, unknown>;
    const paths: [Record<string, unknown>, string][] = [];
    const walk = (o: unknown) => {
      if (o && typeof o === 'object')
        for (const [k, v] of Object.entries(o)) {
          paths.push([o as Record<string, unknown>, k]);
          walk(v);
        }
    };
    walk(copy);
    const target = paths[at % Math.max(1, paths.length)];
    if (target) target[0][target[1]] = value;
    return copy;
  });
}

const frameText = fc.oneof(
  mutated(serverFrames).map((f) => JSON.stringify(f)),
  hostileJson.map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.constantFrom(...serverFrames).chain((f) => {
    const text = JSON.stringify(f);
    return fc.nat({ max: text.length }).map((n) => text.slice(0, n)); // truncated
  }),
  fc.string({ maxLength: 200 }),
  fc.constant('['.repeat(5_000)),
);

export interface Surface {
  name: string;
  /** Runs one case; throws only on a crash (an error of a kind the surface must never produce). */
  property: fc.IPropertyWithHooks<[unknown]> | fc.IAsyncPropertyWithHooks<[unknown]>;
}

const expectOnly = (error: unknown, ...classes: (abstract new (...args: never[]) => Error)[]) => {
  if (!classes.some((c) => error instanceof c)) throw error;
};

export function surfaces(): Surface[] {
  return [
    {
      name: 'ws-frames',
      property: fc.property(frameText, (text) => {
        const incoming = parseIncoming(text as string);
        if (incoming.kind !== 'data') return;
        const m = incoming.message;
        // What the library does with a frame it accepted must not throw either.
        if (m.channel === 'book') {
          const book = createOrderBook({ symbol: 'BTC/USD', depth: 10, pricePrecision: 1, qtyPrecision: 8 });
          for (const data of m.data) {
            // A checksum that does not match is the book's own answer ({ ok: false }), never a throw.
            if (m.type === 'snapshot') book.applySnapshot(data);
            else book.applyUpdate(data);
          }
        }
        if (m.channel === 'executions') createOrdersTracker().apply(m.raw as never);
      }),
    },
    {
      name: 'executions',
      property: fc.property(
        mutated(serverFrames.filter((f) => (f as { channel?: string }).channel === 'executions')),
        (frame) => {
          // The tracker, then the Trade tab's views of what it kept (lib/trading/live/order-views.ts).
          const tracker = createOrdersTracker();
          tracker.apply(frame as never);
          for (const r of tracker.openOrders()) orderView(r, undefined);
          const items = (frame as { data?: unknown }).data;
          if (Array.isArray(items))
            for (const r of items)
              if (r && typeof r === 'object') fillView(r as never, undefined, undefined, 0);
        },
      ),
    },
    {
      name: 'rest-bodies',
      property: fc.asyncProperty(
        fc.tuple(
          fc.constantFrom(200, 200, 200, 403, 500, 502, 520, 522),
          fc.oneof(
            hostileJson.map((v) => JSON.stringify(v) ?? ''),
            fc.constantFrom(
              '<html><body>Cloudflare: 522</body></html>',
              '{"error":[],"result":',
              '{"error":["EGeneral:Internal error"]}',
              '{"error":"x"}',
              'NaN',
              '{"result":{"a":1e400},"error":[]}',
            ),
            fc.string({ maxLength: 300 }),
          ),
        ),
        async ([status, body]) => {
          try {
            await send(async () => new Response(body as string, { status: status as number }), {
              url: 'https://api.kraken.com/0/public/Time',
              endpoint: 'Time',
              method: 'GET',
              headers: {},
              timeoutMs: 1_000,
              secrets: [],
              now: () => 0,
            });
          } catch (e) {
            expectOnly(e, KrakenError);
          }
        },
      ),
    },
    {
      name: 'requests',
      property: fc.property(
        fc.oneof(
          hostileJson,
          fc
            .tuple(fc.constantFrom(...REQUEST_TYPES), fc.dictionary(fc.string(), hostileJson, { maxKeys: 5 }))
            .map(([type, rest]) => ({ ...rest, type })),
        ),
        (payload) => {
          const req = parseRequest(payload);
          // Accepted requests are exactly the contract's: parsing the result again gives the same request.
          if (req && JSON.stringify(parseRequest(JSON.parse(JSON.stringify(req)))) !== JSON.stringify(req))
            throw new Error(`parseRequest is not stable for ${JSON.stringify(req)}`);
        },
      ),
    },
    {
      name: 'stored-records',
      property: fc.property(fc.oneof(hostileJson, mutated(serverFrames)), (value) => {
        parseIntent(value);
        parseSettings(value);
        try {
          parseRuleState(value);
        } catch (e) {
          expectOnly(e, AlertStateError);
        }
        try {
          parseRule(value);
        } catch (e) {
          expectOnly(e, AlertRuleError);
        }
        try {
          parsePaperState(value);
        } catch (e) {
          expectOnly(e, PaperStateCorrupted);
        }
      }),
    },
  ];
}

export interface FuzzResult {
  cases: Record<string, number>;
  crashes: number;
  failures: string[];
}

/** Runs every surface `runs` times; counts crashes and unhandled rejections. */
export async function fuzz(runs: number, seed = 42): Promise<FuzzResult> {
  const cases: Record<string, number> = {};
  const failures: string[] = [];
  let unhandled = 0;
  const onUnhandled = () => {
    unhandled += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    for (const s of surfaces()) {
      const details = await fc.check(s.property as fc.IAsyncProperty<[unknown]>, { numRuns: runs, seed });
      cases[s.name] = details.numRuns;
      if (details.failed) failures.push(`${s.name}: ${fc.defaultReportMessage(details)?.slice(0, 400)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  return { cases, crashes: failures.length + unhandled, failures };
}
