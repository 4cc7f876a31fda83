// `npm run kraken -- rest …` (cli/) against the simulator: public and private calls, errors with hints.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restCommand } from '../../cli/rest-command.ts';
import { type SimHandle, startSimulator } from '../../sim/server.ts';

describe('kraken CLI: rest', () => {
  let s: SimHandle;
  const nonceFile = join(mkdtempSync(join(tmpdir(), 'kraken-cli-')), 'nonces.json');
  beforeAll(async () => {
    s = await startSimulator({ port: 0, host: '127.0.0.1', stepMs: 0, tier: 'pro', rateLimit: 'relaxed' });
  });
  afterAll(async () => s.close());

  async function run(args: string[], env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await restCommand(args, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { KRAKEN_REST_URL: s.rest, KRAKEN_NONCE_FILE: nonceFile, ...env },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const keyEnv = () => ({ KRAKEN_API_KEY: s.keys.trading.key, KRAKEN_API_SECRET: s.keys.trading.secret });

  it('prints a public result as JSON', async () => {
    const r = await run(['Ticker', 'pair=XBTUSD']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).XXBTZUSD.c).toHaveLength(2);
  });

  it('signs private calls from the environment; separate runs keep nonces increasing (file store)', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await run(['Balance'], keyEnv());
      expect(r.err).toBe('');
      expect(JSON.parse(r.out).ZUSD).toMatch(/^\d+\.\d{4}$/);
    }
    const order = await run(
      [
        'AddOrder',
        'pair=XBTUSD',
        'type=buy',
        'ordertype=limit',
        'volume=0.001',
        'price=40000.0',
        'validate=true',
      ],
      keyEnv(),
    );
    expect(order.code).toBe(0);
    expect(JSON.parse(order.out).descr.order).toContain('buy');
  });

  it('a refusal goes to stderr with the hint and exit code 1, never the secret', async () => {
    const r = await run(
      ['AddOrder', 'pair=XBTUSD', 'type=buy', 'ordertype=limit', 'volume=1000', 'price=90000.0'],
      keyEnv(),
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('EOrder:Insufficient funds');
    expect(r.err).toMatch(/hint: .*balance/);
    expect(r.err).not.toContain(s.keys.trading.secret);
  });

  it.each([
    [[], 2],
    [['Balance'], 2], // private without credentials
    [['Ticker', 'pairXBTUSD'], 2],
  ])('usage errors exit 2: %j', async (args, code) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err.length).toBeGreaterThan(0);
  });
});
