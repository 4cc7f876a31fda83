/**
 * CLI entry: `npm run sim -- --port <n> [--seed <n>] [--host 127.0.0.1] [--step-ms <n>]`.
 * Prints exactly one JSON line with the endpoints to stdout, logs to stderr, exits 0 on SIGTERM/SIGINT.
 */
import { parseCliArgs } from './cli-args.ts';
import { stderrLogger } from './log.ts';
import { startSimulator } from './server.ts';

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) {
  stderrLogger(
    `${parsed.error}\nusage: tsx sim/main.ts --port <n> [--seed <n>] [--host <h>] [--step-ms <n>]`,
  );
  process.exit(2);
}

const sim = await startSimulator({ ...parsed.options, log: stderrLogger }).catch((error: unknown) => {
  stderrLogger(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { rest, wsPublic, wsPrivate, apiKey, apiSecret } = sim;
process.stdout.write(`${JSON.stringify({ rest, wsPublic, wsPrivate, apiKey, apiSecret })}\n`);

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
