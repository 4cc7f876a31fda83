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
  ])('%j → %j', (argv, options) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, options });
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', '70000'], '--port must be between 0 and 65535'],
    [['--seed', '-1'], '--seed expects an integer, got "-1"'],
    [['--verbose'], 'unknown argument "--verbose"'],
  ])('%j is refused: %s', (argv, error) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, error });
  });
});
