import { KEY_ROLES, type KeyRole } from './account/keys.ts';
import { assertNever } from './assert-never.ts';
import { RATE_LIMIT_MODES, type RateLimitMode, TIERS, type Tier } from './ratelimit/tiers.ts';
import type { SimOptions } from './server.ts';

/** What the CLI runs: the simulator, optionally replaying a capture of public frames. */
export interface CliOptions extends Omit<SimOptions, 'replay'> {
  replayFile?: string;
  /** `recorded` (default) keeps the capture's timing; `max` sends as fast as possible. */
  replaySpeed?: 'recorded' | 'max';
}

export type CliParse =
  | { readonly ok: true; readonly options: CliOptions }
  | { readonly ok: false; readonly error: string };

const FLAGS = [
  '--port',
  '--seed',
  '--host',
  '--step-ms',
  '--tier',
  '--key',
  '--api-key',
  '--api-secret',
  '--rate-limit',
  '--nonce-window',
  '--otp',
  '--replay',
  '--replay-speed',
  '--pairs',
] as const;
type Flag = (typeof FLAGS)[number];

export const USAGE =
  'usage: tsx sim/main.ts --port <n> [--seed <n>] [--host <h>] [--step-ms <n>] [--tier starter|intermediate|pro]\n' +
  '  [--key trading|query|nows|withdraw|second] [--api-key <k> --api-secret <base64>] [--rate-limit on|relaxed|off]\n' +
  '  [--nonce-window <n>] [--otp <password>] [--replay <file.jsonl> [--replay-speed recorded|max]]\n' +
  '  [--pairs 6|20|all]';

function isFlag(name: string): name is Flag {
  return (FLAGS as readonly string[]).includes(name);
}

function integer(flag: Flag, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text)) return `${flag} expects an integer, got "${text}"`;
  const value = Number(text);
  return value >= min && value <= max ? value : `${flag} must be between ${min} and ${max}`;
}

function oneOf<T extends string>(flag: Flag, text: string, values: readonly T[]): T | { error: string } {
  const found = values.find((value) => value === text);
  return found ?? { error: `${flag} must be one of ${values.join(', ')}` };
}

/** A Kraken-style secret: base64 that decodes to at least 32 bytes (Kraken's are 64). */
function isSecret(text: string): boolean {
  return (
    /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0 && Buffer.from(text, 'base64').length >= 32
  );
}

/** `--flag value` or `--flag=value`; see USAGE. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: CliOptions = {};
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
    const problem = apply(options, name, value);
    if (problem !== undefined) return { ok: false, error: problem };
  }
  if ((options.apiKey === undefined) !== (options.apiSecret === undefined)) {
    return { ok: false, error: '--api-key and --api-secret go together' };
  }
  return { ok: true, options };
}

function apply(options: CliOptions, name: Flag, value: string): string | undefined {
  let parsed: number | string;
  switch (name) {
    case '--port':
      parsed = integer(name, value, 0, 65535);
      if (typeof parsed === 'string') return parsed;
      options.port = parsed;
      return undefined;
    case '--seed':
      parsed = integer(name, value, 0, 4294967295);
      if (typeof parsed === 'string') return parsed;
      options.seed = parsed;
      return undefined;
    case '--step-ms':
      parsed = integer(name, value, 0, 3_600_000);
      if (typeof parsed === 'string') return parsed;
      options.stepMs = parsed;
      return undefined;
    case '--nonce-window':
      parsed = integer(name, value, 0, Number.MAX_SAFE_INTEGER);
      if (typeof parsed === 'string') return parsed;
      options.nonceWindow = parsed;
      return undefined;
    case '--host':
      options.host = value;
      return undefined;
    case '--tier': {
      const tier = oneOf<Tier>(name, value, TIERS);
      if (typeof tier !== 'string') return tier.error;
      options.tier = tier;
      return undefined;
    }
    case '--key': {
      const key = oneOf<KeyRole>(name, value, KEY_ROLES);
      if (typeof key !== 'string') return key.error;
      options.key = key;
      return undefined;
    }
    case '--rate-limit': {
      const mode = oneOf<RateLimitMode>(name, value, RATE_LIMIT_MODES);
      if (typeof mode !== 'string') return mode.error;
      options.rateLimit = mode;
      return undefined;
    }
    case '--api-key':
      options.apiKey = value;
      return undefined;
    case '--api-secret':
      if (!isSecret(value)) return '--api-secret must be base64 of at least 32 bytes';
      options.apiSecret = value;
      return undefined;
    case '--otp':
      options.otp = value;
      return undefined;
    case '--replay':
      options.replayFile = value;
      return undefined;
    case '--pairs': {
      // `all` is every pair the simulator knows, today 20.
      const count = oneOf(name, value, ['6', '20', 'all'] as const);
      if (typeof count !== 'string') return count.error;
      options.pairs = count === '6' ? 6 : 20;
      return undefined;
    }
    case '--replay-speed': {
      const speed = oneOf(name, value, ['recorded', 'max'] as const);
      if (typeof speed !== 'string') return speed.error;
      options.replaySpeed = speed;
      return undefined;
    }
    default:
      return assertNever(name);
  }
}
