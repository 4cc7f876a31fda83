import { assertNever } from './assert-never.ts';
import type { SimOptions } from './server.ts';

export type CliParse =
  | { readonly ok: true; readonly options: SimOptions }
  | { readonly ok: false; readonly error: string };

const FLAGS = ['--port', '--seed', '--host', '--step-ms'] as const;
type Flag = (typeof FLAGS)[number];

function isFlag(name: string): name is Flag {
  return (FLAGS as readonly string[]).includes(name);
}

function integer(flag: Flag, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text)) return `${flag} expects an integer, got "${text}"`;
  const value = Number(text);
  return value >= min && value <= max ? value : `${flag} must be between ${min} and ${max}`;
}

/** `--port <n> [--seed <n>] [--host <h>] [--step-ms <n>]`, also as `--flag=value`. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: SimOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!isFlag(name)) return { ok: false, error: `unknown argument "${arg}"` };
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      i += 1;
      value = argv[i];
    }
    if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
    let parsed: number | string;
    switch (name) {
      case '--port':
        parsed = integer(name, value, 0, 65535);
        if (typeof parsed === 'string') return { ok: false, error: parsed };
        options.port = parsed;
        break;
      case '--seed':
        parsed = integer(name, value, 0, 4294967295);
        if (typeof parsed === 'string') return { ok: false, error: parsed };
        options.seed = parsed;
        break;
      case '--step-ms':
        parsed = integer(name, value, 0, 3_600_000);
        if (typeof parsed === 'string') return { ok: false, error: parsed };
        options.stepMs = parsed;
        break;
      case '--host':
        options.host = value;
        break;
      default:
        return assertNever(name);
    }
  }
  return { ok: true, options };
}
