import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  env: Record<string, string> = {},
) {
  return new Promise<{ out: string[]; err: string[]; code: number | null }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, KRAKEN_WS_URL: sim.wsPublic, ...env },
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

  describe('private commands', () => {
    const env = () => ({
      KRAKEN_REST_URL: sim.rest,
      KRAKEN_WS_AUTH_URL: sim.wsPrivate ?? '',
      KRAKEN_API_KEY: sim.apiKey ?? '',
      KRAKEN_API_SECRET: sim.apiSecret ?? '',
      KRAKEN_NONCE_FILE: join(mkdtempSync(join(tmpdir(), 'kraken-cli-ws-')), 'nonces.json'),
    });
    const once = async (args: string[], e: Record<string, string> = env()) => {
      const r = await cli(sim, args, () => false, 10_000, e);
      return { ...r, json: r.out[0] ? (JSON.parse(r.out[0]) as Record<string, unknown>) : undefined };
    };

    it('add-order, executions, amend-order, cancel-order, cancel-after, cancel-all, balances', async () => {
      const e = env();
      const placed = await once(
        [
          'add-order',
          'symbol=BTC/USD',
          'side=buy',
          'order_type=limit',
          'order_qty=0.001',
          'limit_price=50000',
        ],
        e,
      );
      expect(placed.code).toBe(0);
      expect(placed.json).toMatchObject({ method: 'add_order', success: true });
      const orderId = String((placed.json?.result as { order_id?: string } | undefined)?.order_id);

      const stream = await cli(sim, ['executions'], (out) => out.some((l) => l.includes(orderId)), 10_000, e);
      expect(stream.out.some((l) => l.includes(orderId))).toBe(true);
      expect(JSON.parse(stream.out[0] ?? '{}')).toMatchObject({ channel: 'executions' });

      const amended = await once(['amend-order', `order_id=${orderId}`, 'limit_price=51000'], e);
      expect(amended.json).toMatchObject({ method: 'amend_order', success: true });
      const cancelled = await once(['cancel-order', `order_id=${orderId}`], e);
      expect(cancelled.json).toMatchObject({
        method: 'cancel_order',
        success: true,
        result: { order_id: orderId },
      });
      const armed = await once(['cancel-after', 'timeout=60'], e);
      expect(armed.json).toMatchObject({ method: 'cancel_all_orders_after', success: true });
      await once(['cancel-after', 'timeout=0'], e);
      const all = await once(['cancel-all'], e);
      expect(all.json).toMatchObject({
        method: 'cancel_all',
        success: true,
        result: { count: expect.any(Number) },
      });

      const balances = await cli(sim, ['balances'], (out) => out.length >= 1, 10_000, e);
      expect(JSON.parse(balances.out[0] ?? '{}')).toMatchObject({ channel: 'balances', type: 'snapshot' });
    });

    it('a refused order prints Kraken’s error and exits 1', async () => {
      const r = await once([
        'add-order',
        'symbol=BTC/USD',
        'side=buy',
        'order_type=limit',
        'order_qty=0.00000001',
        'limit_price=50000',
      ]);
      expect(r.code).toBe(1);
      expect(r.err.join('\n')).toMatch(
        /\[ws\] error: EOrder:Order minimum not met|EGeneral:Invalid arguments/,
      );
    });

    it('says which credentials are missing', async () => {
      const r = await once(['cancel-all'], {
        KRAKEN_REST_URL: sim.rest,
        KRAKEN_API_KEY: '',
        KRAKEN_API_SECRET: '',
      });
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toContain('cancel-all is private: set KRAKEN_API_KEY and KRAKEN_API_SECRET.');
    });
  });
});
