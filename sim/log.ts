/** Where the simulator's diagnostics go: stderr for the CLI (stdout carries only the start line), nowhere in tests. */
export type Logger = (line: string) => void;

export const silentLogger: Logger = () => {};

export const stderrLogger: Logger = (line) => {
  process.stderr.write(`[sim] ${line}\n`);
};
