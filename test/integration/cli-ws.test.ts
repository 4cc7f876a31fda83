import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { simControl, withSim } from '../support/sim.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `npm run kraken -- …` (as node + tsx), collecting stdout lines and stderr until `until` or a timeout. */
function cli(
  sim: SimHandle,
  args: string[],
  until: (out: string[], err: string[]) => boolean,
  timeoutMs = 10_000,
) {
  return new Promise<{ out: string[]; err: string[]; code: number | null }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, KRAKEN_WS_URL: sim.wsPublic },
    });
    const out: string[] = [];
    const err: string[] = [];
    const check = () => {
      if (until(out, err)) child.kill('SIGINT');
    };
    child.stdout.on('data', (d) => {
      out.push(...String(d).split('\n').filter(Boolean));
      check();
    });
    child.stderr.on('data', (d) => {
      err.push(...String(d).split('\n').filter(Boolean));
      check();
    });
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ out, err, code });
    });
  });
}

describe('CLI WebSocket commands against the simulator', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await withSim({ stepMs: 100 });
  });
  afterAll(async () => sim.close());

  it('ping prints the pong and exits 0', async () => {
    const r = await cli(sim, ['ping'], () => false);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({ method: 'pong', req_id: 1 });
  });

  it('ticker prints one JSON message per line; status goes to stderr', async () => {
    const r = await cli(sim, ['ticker', 'BTC/USD'], (out) => out.length >= 3);
    const messages = r.out.map((l) => JSON.parse(l) as { channel: string; data: { symbol: string }[] });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(m).toMatchObject({ channel: 'ticker', data: [{ symbol: 'BTC/USD' }] });
    expect(r.err).toContain('[ws] live');
  });

  it.each([
    [['trade', 'ETH/USD'], 'trade'],
    [['ohlc', 'BTC/USD', '5'], 'ohlc'],
    [['spread', 'SOL/USD'], 'ticker'],
  ])('%j prints %s messages', async (args, channel) => {
    const r = await cli(sim, args, (out) => out.length >= 2);
    expect(r.out.length).toBeGreaterThanOrEqual(2);
    for (const l of r.out) expect(JSON.parse(l)).toMatchObject({ channel });
  });

  it('book verifies every message and reports a corrupted checksum as "checksum mismatch"', async () => {
    let corrupted = false;
    const r = await cli(sim, ['book', 'BTC/USD', '25'], (out, err) => {
      if (!corrupted && out.length >= 3) {
        corrupted = true;
        void simControl(sim, 'ws/corrupt-checksum');
      }
      return err.some((l) => l.includes('checksum mismatch')) && out.length >= 8;
    });
    expect(r.err.filter((l) => l.includes('checksum mismatch'))).toHaveLength(1);
    expect(r.err.find((l) => l.includes('checksum mismatch'))).toMatch(
      /^\[ws\] error: checksum mismatch on BTC\/USD: .*resubscribing$/,
    );
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({ channel: 'book', type: 'snapshot' });
  });

  it('refuses a bad depth with the usage and exit code 2', async () => {
    const r = await cli(sim, ['book', 'BTC/USD', '7'], () => false);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('usage: npm run kraken -- ticker');
  });
});
