// Two real CLI processes on one key and one nonce file at the same time: the nonce file lock makes them take
// turns (nonce taken, request sent, answer read), so the simulator never answers EAPI:Invalid nonce.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withNonceFileLock } from '../../cli/nonce-file.ts';
import { type SimHandle, startSimulator } from '../../sim/server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SEND_AT = join(ROOT, 'test/support/cli-send-at.mjs');

function runCli(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(TSX, ['--import', SEND_AT, 'cli/main.ts', 'rest', 'Balance'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => done({ code, out, err }));
  });
}

describe('kraken CLI: concurrent calls on one key', () => {
  let sim: SimHandle;
  let invalid = 0;
  let accepted = 0;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, host: '127.0.0.1', stepMs: 0, tier: 'pro', rateLimit: 'off' });
    // Count the simulator's own verdicts: the client retries a read once after an invalid nonce, so the CLI's
    // exit code alone would hide one.
    const book = sim.exchange.nonces;
    const check = book.check.bind(book);
    book.check = (key, text) => {
      const verdict = check(key, text);
      if (verdict === 'ok') accepted += 1;
      else invalid += 1;
      return verdict;
    };
  });
  afterAll(async () => sim.close());

  it('never share a nonce nor overtake each other: 3 processes at once, 5 times, zero invalid nonces', async () => {
    const nonceFile = join(mkdtempSync(join(tmpdir(), 'kraken-cli-lock-')), 'nonces.json');
    const env = {
      KRAKEN_REST_URL: sim.rest,
      KRAKEN_API_KEY: sim.keys.trading.key,
      KRAKEN_API_SECRET: sim.keys.trading.secret,
      KRAKEN_NONCE_FILE: nonceFile,
      KRAKEN_TIER: 'pro',
    };
    for (let round = 0; round < 5; round++) {
      const sendAt = String(Date.now() + 2_500);
      const runs = await Promise.all([1, 2, 3].map(() => runCli({ ...env, KRAKEN_TEST_SEND_AT: sendAt })));
      for (const r of runs) {
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out).ZUSD).toMatch(/^\d+\.\d{4}$/);
      }
    }
    expect(invalid).toBe(0);
    expect(accepted).toBe(15);
    expect(existsSync(`${nonceFile}.lock`)).toBe(false);
  }, 120_000);

  it('takes over a lock left by a process that died, and waits for one that is alive', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kraken-cli-lock-')), 'nonces.json');
    // A pid no process has (beyond Linux's pid_max of 2^22).
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 7, at: Date.now() }));
    await expect(withNonceFileLock(file, async () => 'ran')).resolves.toBe('ran');
    // Held by this very (live) process: another taker waits, then gives up with a way out.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, at: Date.now() }));
    await expect(withNonceFileLock(file, async () => 'ran', { timeoutMs: 200 })).rejects.toThrow(
      /held .*nonces\.json\.lock.* delete that file/,
    );
  });
});
