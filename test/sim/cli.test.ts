import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getJson, WsClient } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(TSX, ['sim/main.ts', ...args], { cwd: ROOT, stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function firstLine(running: Running): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 25) {
    const out = running.stdout();
    if (out.includes('\n')) return out.slice(0, out.indexOf('\n'));
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no start line; stderr: ${running.stderr()}`);
}

describe('npm run sim (tsx sim/main.ts)', () => {
  it('prints exactly one JSON line, serves, exits 0 on SIGTERM and the port can be reused at once', async () => {
    const first = run(['--port', '0', '--seed', '3', '--step-ms', '100']);
    const line = JSON.parse(await firstLine(first));
    // The first five fields keep their order; the second demo account's key follows.
    expect(Object.keys(line)).toEqual(['rest', 'wsPublic', 'wsPrivate', 'apiKey', 'apiSecret', 'second']);
    expect(line).toEqual({
      rest: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      wsPublic: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v2$/),
      wsPrivate: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v2-auth$/),
      apiKey: expect.stringMatching(/^[A-Za-z0-9+/]{56}$/),
      apiSecret: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      second: {
        apiKey: expect.stringMatching(/^[A-Za-z0-9+/]{56}$/),
        apiSecret: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      },
    });
    expect(line.second.apiKey).not.toBe(line.apiKey);
    const port = Number(new URL(line.rest).port);
    expect(line.wsPublic).toBe(`ws://127.0.0.1:${port}/v2`);
    expect((await getJson(`${line.rest}/0/public/Time`)).json.error).toEqual([]);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.stdout()).toBe(`${JSON.stringify(line)}\n`);

    const second = run([`--port=${port}`, '--host', '127.0.0.1']);
    const again = JSON.parse(await firstLine(second));
    expect(again.rest).toBe(line.rest);
    expect((await getJson(`${again.rest}/0/public/SystemStatus`)).json.result.status).toBe('online');
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
    expect(second.stdout().trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('rejects bad arguments with exit code 2 and nothing on stdout', async () => {
    const bad = run(['--port', 'eighty']);
    expect(await bad.exit).toBe(2);
    expect(bad.stdout()).toBe('');
    expect(bad.stderr()).toContain('--port expects an integer');
  }, 15_000);

  it('--key, --api-key/--api-secret, --replay and --pairs reach the running simulator; an unreadable capture exits 2', async () => {
    const secret = Buffer.alloc(64, 9).toString('base64');
    const capture = fileURLToPath(
      new URL('../fixtures/kraken/real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl', import.meta.url),
    );
    const running = run([
      '--port',
      '0',
      '--key',
      'query',
      '--api-key',
      'my-key',
      '--api-secret',
      secret,
      '--replay',
      capture,
      '--replay-speed',
      'max',
      '--pairs',
      'all',
    ]);
    const line = JSON.parse(await firstLine(running));
    expect(line).toMatchObject({ apiKey: 'my-key', apiSecret: secret });
    const pairs = (await getJson(`${line.rest}/0/public/AssetPairs`)).json.result;
    expect(Object.keys(pairs)).toHaveLength(20);
    expect(pairs.XLTCZUSD.wsname).toBe('LTC/USD');
    const socket = await WsClient.open(line.wsPublic);
    socket.send({ method: 'subscribe', params: { channel: 'book', symbol: ['ETH/USD'] } });
    expect(JSON.parse(await socket.next()).result).toMatchObject({ channel: 'book', symbol: 'ETH/USD' });
    await socket.close();
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    const missing = run(['--port', '0', '--replay', '/nonexistent/capture.jsonl']);
    expect(await missing.exit).toBe(2);
    expect(missing.stdout()).toBe('');
    expect(missing.stderr()).toContain('cannot read --replay');
  }, 30_000);
});
