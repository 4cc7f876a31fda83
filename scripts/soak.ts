// `npm run soak -- --minutes N`: the production build in Chromium against the simulator at 10× market speed,
// under drops, worker stops and a simulator restart, with alerts and a live order stream (scripts/lib/soak).
// Prints the figures, writes artifacts/soak.json and exits non-zero when a goal is missed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureChromium } from './lib/chromium.ts';
import { defaultOptions, type SoakOptions, timeline } from './lib/soak/options.ts';
import { formatReport } from './lib/soak/report.ts';
import { runSoak } from './lib/soak/run.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE =
  'usage: npm run soak -- --minutes N [--step-ms 25] [--seed 7] [--out artifacts/soak.json] [--no-build]\n' +
  '       [--at-stops]  at each worker stop, also push an alert crossing and fill a market order (a known race)';

interface Args {
  minutes: number;
  stepMs?: number;
  seed?: number;
  out: string;
  build: boolean;
  atStops: boolean;
}

function parse(argv: string[]): Args {
  const args: Args = { minutes: 30, out: join(ROOT, 'artifacts/soak.json'), build: true, atStops: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    const number = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
      return n;
    };
    if (flag === '--minutes') args.minutes = number();
    else if (flag === '--step-ms') args.stepMs = number();
    else if (flag === '--seed') args.seed = number();
    else if (flag === '--out') args.out = resolve(value());
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--at-stops') args.atStops = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

let args: Args;
try {
  args = parse(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
if (args.build) {
  console.log('▶ production build (wxt build)');
  const build = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const defaults = defaultOptions(args.minutes);
const stops = timeline(defaults).filter((e) => e.kind === 'stop-worker').length;
const options: SoakOptions = {
  ...defaults,
  ...(args.atStops ? { atStops: true, crossings: stops } : {}),
  ...(args.stepMs ? { stepMs: args.stepMs } : {}),
  ...(args.seed ? { seed: args.seed } : {}),
  executablePath: ensureChromium(),
  log: (line) => console.log(line),
};
const report = await runSoak(options);
console.log(`\n${formatReport(report)}`);
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nreport: ${args.out}`);
process.exit(report.ok ? 0 : 1);
