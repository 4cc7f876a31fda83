/**
 * CLI entry: `npm run sim -- --port <n> …` (flags in cli-args.ts USAGE and docs/simulator.md).
 * Prints exactly one JSON line with the endpoints to stdout, logs to stderr, exits 0 on SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs';
import { parseCliArgs, USAGE } from './cli-args.ts';
import { stderrLogger } from './log.ts';
import { startSimulator } from './server.ts';
import { parseCapture, type ReplayCapture } from './ws/replay.ts';

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) {
  stderrLogger(`${parsed.error}\n${USAGE}`);
  process.exit(2);
}

const { replayFile, replaySpeed, ...simOptions } = parsed.options;
let replay: ReplayCapture | undefined;
if (replayFile !== undefined) {
  try {
    replay = { frames: parseCapture(readFileSync(replayFile, 'utf8')), speed: replaySpeed ?? 'recorded' };
  } catch (error) {
    stderrLogger(
      `cannot read --replay ${replayFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  }
}
const sim = await startSimulator({ ...simOptions, replay, log: stderrLogger }).catch((error: unknown) => {
  stderrLogger(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { rest, wsPublic, wsPrivate, apiKey, apiSecret } = sim;
// The second demo account's trading key comes last, so parsers of the first five fields are unaffected.
const second = { apiKey: sim.keys.second.key, apiSecret: sim.keys.second.secret };
process.stdout.write(`${JSON.stringify({ rest, wsPublic, wsPrivate, apiKey, apiSecret, second })}\n`);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  stderrLogger(`${signal}: shutting down`);
  sim.close().then(
    () => process.exit(0),
    (error: unknown) => {
      stderrLogger(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
