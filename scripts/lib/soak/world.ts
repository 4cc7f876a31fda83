// What the soak drives: a simulator process (restartable on the same port with the same key, so the
// extension's key keeps working), Chromium with the production build, and the popup page the requests go
// through (`chrome.runtime.sendMessage`, the background's contract, as the e2e tests do).
import { randomBytes } from 'node:crypto';
import type { Page, Worker } from 'playwright-core';
import { createKrakenRest, type KrakenRest } from '../../../lib/kraken/index.ts';
import type { RequestType, ResultOf } from '../../../lib/messaging/protocol.ts';
import { addKey, goLive, openPopup, stopWorker, waitUntil } from '../../../test/e2e/harness.ts';
import { type ExtensionBrowser, launchWithExtension, pointAtSimulator } from '../browser.ts';
import { type SimProcess, startSimProcess } from '../sim-process.ts';

export type Answer<K extends RequestType> =
  | { ok: true; value: ResultOf<K> }
  | { ok: false; error: { name: string; message: string; data?: unknown } };

export interface SoakWorld {
  sim: SimProcess;
  ext: ExtensionBrowser;
  popup: Page;
  /** The simulator's start count: 0, then 1 after the restart. */
  generation: number;
  /** A REST client on a key of its own (the extension's key is never shared: nonces). */
  observer: KrakenRest;
  publicRest: KrakenRest;
}

const PASSPHRASE = 'soak passphrase';

export function simArgs(
  port: number,
  stepMs: number,
  seed: number,
  key: { apiKey: string; apiSecret: string },
) {
  return [
    ['--port', String(port)],
    ['--step-ms', String(stepMs)],
    ['--seed', String(seed)],
    ['--api-key', key.apiKey],
    ['--api-secret', key.apiSecret],
    // Every pair the simulator has (20, the most a watchlist holds), not its default six.
    ['--pairs', '20'],
  ].flat();
}

/** A key of the soak's own on the main account (read-only permissions), from `/_sim/keys`. */
async function observerFor(sim: SimProcess): Promise<KrakenRest> {
  const res = await fetch(`${sim.rest}/_sim/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      account: 'main',
      name: 'soak observer',
      permissions: ['query-funds', 'query-open-trades', 'query-closed-trades'],
    }),
  });
  if (res.status !== 200) throw new Error(`sim control keys: HTTP ${res.status} ${await res.text()}`);
  const { key, secret } = (await res.json()) as { key: string; secret: string };
  return createKrakenRest({ baseUrl: sim.rest, credentials: { apiKey: key, secret }, retries: 3 });
}

/** Starts the simulator and the browser, adds the key through the options page and goes live. */
export async function createWorld(o: { executablePath: string; stepMs: number; seed: number }) {
  // Fixed key material, so a restarted simulator accepts the key stored in the extension's vault.
  const key = { apiKey: randomBytes(42).toString('base64'), apiSecret: randomBytes(64).toString('base64') };
  const sim = await startSimProcess(simArgs(0, o.stepMs, o.seed, key));
  const ext = await launchWithExtension({ executablePath: o.executablePath, headless: true });
  await pointAtSimulator(ext, sim.rest);
  const verdict = await addKey(ext, { label: 'Soak', ...key }, PASSPHRASE);
  const popup = await openPopup(ext);
  await popup.getByTestId('tab-trade').click();
  await goLive(popup);
  const world: SoakWorld = {
    sim,
    ext,
    popup,
    generation: 0,
    observer: await observerFor(sim),
    publicRest: createKrakenRest({ baseUrl: sim.rest }),
  };
  return { world, key, verdict };
}

/** Stops the simulator and starts it again on the same port with the same key (it forgets orders). */
export async function restartSim(
  world: SoakWorld,
  o: { stepMs: number; seed: number },
  key: { apiKey: string; apiSecret: string },
): Promise<number> {
  const port = world.sim.port;
  await world.sim.stop();
  const started = Date.now();
  world.sim = await startSimProcess(simArgs(port, o.stepMs, o.seed, key));
  world.generation += 1;
  world.observer = await observerFor(world.sim);
  world.publicRest = createKrakenRest({ baseUrl: world.sim.rest });
  return Date.now() - started;
}

/** POSTs a simulator control (docs/simulator.md) and returns its JSON answer; throws unless 200. */
export async function simControl(world: SoakWorld, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${world.sim.rest}/_sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`sim control ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Sends one request of the background's contract from the popup page; never throws for a failed answer. */
export async function request<K extends RequestType>(
  world: SoakWorld,
  type: K,
  params: Record<string, unknown>,
): Promise<Answer<K> | { ok: false; error: { name: 'NoAnswer'; message: string } }> {
  try {
    return (await world.popup.evaluate(
      ([t, p]) => {
        const rt = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        return rt.sendMessage({ type: t, ...p });
      },
      [type, params] as const,
    )) as Answer<K>;
  } catch (error) {
    // The message port closed (the worker was stopped under the request): no answer at all.
    return { ok: false, error: { name: 'NoAnswer', message: String(error).slice(0, 200) } };
  }
}

/** Rejects after `ms`, so a call into a stopping worker cannot hang the soak. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

export async function evaluateInWorker<T>(world: SoakWorld, fn: () => Promise<T> | T): Promise<T> {
  const worker: Worker = await withTimeout(world.ext.worker(), 10_000, 'the service worker');
  return withTimeout(worker.evaluate(fn), 10_000, 'worker.evaluate');
}

/** Stops the worker (CDP), then waits until a new one answers (the open popup's stream wakes it). */
export async function restartWorker(world: SoakWorld): Promise<number> {
  await stopWorker(world.ext);
  const stoppedAt = Date.now();
  await waitUntil(
    async () =>
      await evaluateInWorker(
        world,
        () => typeof (globalThis as { __traderDiagnostics?: unknown }).__traderDiagnostics,
      )
        .then((t) => t === 'function')
        .catch(() => false),
    30_000,
    'a restarted service worker',
  );
  return Date.now() - stoppedAt;
}

export async function closeWorld(world: SoakWorld | undefined): Promise<void> {
  await world?.ext.close();
  await world?.sim.stop();
}
