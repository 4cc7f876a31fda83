// Alert benchmarks (issue 7): the engine's per-tick cost with 500 alerts over 50 pairs, and the latency
// from the simulator sending a crossing tick to the notification existing, in Chromium on the production build.
import { WebSocket } from 'ws';
import { evaluate, initialState, type RuleState } from '../lib/alerts/engine.ts';
import type { AlertRule } from '../lib/alerts/rules.ts';
import { extensionUrl, launchWithExtension, pointAtSimulator } from '../scripts/lib/browser.ts';
import { ensureChromium } from '../scripts/lib/chromium.ts';
import { startSimProcess } from '../scripts/lib/sim-process.ts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** µs per tick: 500 rules (10 per pair, crosses and moves), a random walk of ticks, the service's pair index. */
export function alertEvalPerTick(): { p50: number; p99: number } {
  const symbols = Array.from({ length: 50 }, (_, i) => `P${i}/USD`);
  const rules: AlertRule[] = symbols.flatMap((symbol, s) =>
    Array.from({ length: 10 }, (_, k): AlertRule => {
      const base = {
        id: `${s}-${k}`,
        symbol,
        source: 'last' as const,
        repeat: { kind: 'repeat' as const, cooldownMs: 0 },
        expiresAt: null,
        paused: false,
        snoozedUntil: null,
        createdAt: 0,
      };
      return k < 8
        ? {
            ...base,
            kind: 'cross',
            direction: k % 2 ? 'above' : 'below',
            level: String(95 + k),
            rearmBand: '0.5',
          }
        : { ...base, kind: 'move', percent: 2, windowMs: 15 * 60_000 };
    }),
  );
  const bySymbol = new Map(symbols.map((sym) => [sym, rules.filter((r) => r.symbol === sym)]));
  let states = new Map<string, RuleState>(rules.map((r) => [r.id, initialState()]));
  const prices = new Map(symbols.map((s) => [s, 100]));
  const samples: number[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 60_000; i++) {
    const symbol = symbols[i % symbols.length] as string;
    const price = Math.max(80, Math.min(120, (prices.get(symbol) ?? 100) + (rand() - 0.5) * 2));
    prices.set(symbol, price);
    const t0 = performance.now();
    const result = evaluate(bySymbol.get(symbol) ?? [], states, {
      symbol,
      last: price,
      bid: price,
      ask: price,
      at: i * 250,
    });
    if (result.changed.size) states = new Map([...states, ...result.changed]);
    samples.push((performance.now() - t0) * 1000);
  }
  const tail = samples.slice(10_000); // after warm-up
  return { p50: Math.round(percentile(tail, 50) * 10) / 10, p99: Math.round(percentile(tail, 99) * 10) / 10 };
}

/**
 * ms from the simulator being told to trade across an alert's level (just before the control request, so
 * this slightly over-counts) to the notification existing (chrome.notifications.getAll in the worker),
 * over `crossings` crossings; `floor` is the same start to a bare Node WebSocket client receiving that tick.
 */
export async function alertLatency(crossings = 50): Promise<{ p50: number; p99: number; floorP99: number }> {
  const sim = await startSimProcess(['--port', '0', '--step-ms', '250']);
  const ext = await launchWithExtension({ executablePath: ensureChromium(), headless: true });
  const raw = new WebSocket(sim.wsPublic);
  const rawOpen = new Promise<void>((resolve, reject) => {
    raw.once('open', () => resolve());
    raw.once('error', reject);
  });
  try {
    await pointAtSimulator(ext, sim.rest);
    const page = await ext.context.newPage();
    await page.goto(extensionUrl(ext, 'options.html'));
    const send = (message: unknown) =>
      page.evaluate(
        (m) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage(m),
        message,
      );
    const level = 150.0;
    await send({
      type: 'alerts.create',
      rule: {
        kind: 'cross',
        symbol: 'SOL/USD',
        direction: 'above',
        level: level.toFixed(2),
        rearmBand: '0',
        source: 'last',
        repeat: { kind: 'repeat', cooldownMs: 0 },
        expiresAt: null,
      },
    });
    const lastTrade: { price: number; at: number } = { price: 0, at: 0 };
    await rawOpen;
    raw.send(JSON.stringify({ method: 'subscribe', params: { channel: 'ticker', symbol: ['SOL/USD'] } }));
    raw.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { channel?: string; data?: { last: number }[] };
      if (msg.channel === 'ticker' && msg.data?.[0]) {
        lastTrade.price = msg.data[0].last;
        lastTrade.at = Date.now();
      }
    });
    const control = (price: string) =>
      fetch(`${sim.rest}/_sim/market/price`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ symbol: 'SOL/USD', price }),
      });
    const worker = await ext.worker();
    const waitForNotification = () =>
      worker.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: {
              notifications: {
                getAll(): Promise<Record<string, boolean>>;
                clear(id: string): Promise<boolean>;
              };
            };
          }
        ).chrome.notifications;
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const ids = Object.keys(await api.getAll()).filter((id) => !id.includes(':test:'));
          if (ids.length) {
            const at = Date.now();
            for (const id of ids) await api.clear(id);
            return at;
          }
          await new Promise((r) => setTimeout(r, 1));
        }
        throw new Error('no notification within 10 s');
      });
    const latencies: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < crossings; i++) {
      await control((level - 10).toFixed(2)); // below the line: re-arms the rule
      await new Promise((r) => setTimeout(r, 300));
      const pending = waitForNotification();
      const t0 = Date.now();
      await control((level + 10).toFixed(2));
      const notifiedAt = await pending;
      latencies.push(notifiedAt - t0);
      if (lastTrade.price >= level && lastTrade.at >= t0) floors.push(lastTrade.at - t0);
    }
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      floorP99: percentile(floors, 99),
    };
  } finally {
    raw.close();
    await ext.close();
    await sim.stop();
  }
}
