import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../sim/cli-args.ts';

describe('parseCliArgs', () => {
  it.each([
    [[], {}],
    [['--port', '0'], { port: 0 }],
    [
      ['--port=8080', '--seed', '7', '--host', '0.0.0.0', '--step-ms', '50'],
      { port: 8080, seed: 7, host: '0.0.0.0', stepMs: 50 },
    ],
    [
      ['--tier', 'pro', '--key', 'query', '--rate-limit=relaxed', '--nonce-window', '5000', '--otp', 'x'],
      { tier: 'pro', key: 'query', rateLimit: 'relaxed', nonceWindow: 5000, otp: 'x' },
    ],
    [
      ['--api-key', 'abc', '--api-secret', Buffer.alloc(64, 1).toString('base64')],
      { apiKey: 'abc', apiSecret: Buffer.alloc(64, 1).toString('base64') },
    ],
    [['--replay', 'cap.jsonl', '--replay-speed', 'max'], { replayFile: 'cap.jsonl', replaySpeed: 'max' }],
    [['--pairs', '20'], { pairs: 20 }],
    [['--pairs=all'], { pairs: 20 }],
    [['--pairs', '6'], { pairs: 6 }],
  ])('%j → %j', (argv, options) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, options });
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', '70000'], '--port must be between 0 and 65535'],
    [['--seed', '-1'], '--seed expects an integer, got "-1"'],
    [['--verbose'], 'unknown argument "--verbose"'],
    [['--tier', 'gold'], '--tier must be one of starter, intermediate, pro'],
    [['--key', 'admin'], '--key must be one of trading, query, nows, withdraw, second'],
    [['--rate-limit', 'maybe'], '--rate-limit must be one of on, relaxed, off'],
    [['--api-key', 'abc'], '--api-key and --api-secret go together'],
    [['--pairs', '7'], '--pairs must be one of 6, 20, all'],
    [['--api-key', 'abc', '--api-secret', 'c2hvcnQ='], '--api-secret must be base64 of at least 32 bytes'],
  ])('%j is refused: %s', (argv, error) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, error });
  });
});
