// Runs the simulator as a child process (as `npm run sim` does) and reads its one-line JSON start banner.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface SimEndpoints {
  rest: string;
  wsPublic: string;
  wsPrivate: string | null;
  apiKey: string | null;
  apiSecret: string | null;
  /** A second, separate funded account's key (another Kraken account, for foreign-order tests). */
  second?: { apiKey: string; apiSecret: string };
}

export interface SimProcess extends SimEndpoints {
  child: ChildProcess;
  port: number;
  /** SIGTERM, then wait for exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

export async function startSimProcess(
  args: string[] = [],
  { stderr = 'ignore' as 'ignore' | 'inherit' } = {},
): Promise<SimProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'sim/main.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', stderr],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`simulator exited with code ${code} before printing its start line`);
    }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('simulator did not start within 20 s')), 20_000).unref(),
    ),
  ]);
  const endpoints = JSON.parse(first) as SimEndpoints;
  const port = Number(new URL(endpoints.rest).port);
  const exited = once(child, 'exit');
  return {
    ...endpoints,
    child,
    port,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
