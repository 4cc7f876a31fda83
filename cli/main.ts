// Command-line client on lib/kraken: `npm run kraken -- rest <Method> [key=value ...]`.
import { REST_USAGE, restCommand } from './rest-command.ts';

const [command, ...rest] = process.argv.slice(2);
const io = {
  out: (t: string) => process.stdout.write(`${t}\n`),
  err: (t: string) => process.stderr.write(`${t}\n`),
  env: process.env,
};

switch (command) {
  case 'rest':
    process.exitCode = await restCommand(rest, io);
    break;
  default:
    io.err(REST_USAGE);
    process.exitCode = 2;
}
