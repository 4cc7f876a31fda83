// `npm start`: build the production extension, start the simulator, open Chromium with the extension
// loaded and pointed at the simulator, print the simulator's demo API key and how to add it, and write
// screenshots of every page under artifacts/screens/. Headless when there is no display. Runs until Ctrl-C,
// then stops everything it started.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { extensionUrl, launchWithExtension, pointAtSimulator } from './lib/browser.ts';
import { ensureChromium } from './lib/chromium.ts';
import { takeScreenshots } from './lib/screens.ts';
import { type SimProcess, startSimProcess } from './lib/sim-process.ts';

const ROOT = resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[start] ${line}`);

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** The simulator's funded demo account: its key, and the steps to trade live with it (README, "Use the simulator"). */
function printDemoKey(sim: SimProcess, optionsUrl: string): void {
  if (!sim.apiKey || !sim.apiSecret) {
    log('the simulator printed no demo key: paper trading works, live trading needs a key.');
    return;
  }
  const lines = [
    'the simulator’s demo account (funded) has this API key:',
    `  API key:     ${sim.apiKey}`,
    `  Private key: ${sim.apiSecret}`,
    'to trade live against the simulator (paper trading needs none of this):',
    `  1. open the extension’s settings (the popup’s Settings link, or ${optionsUrl}); the exchange is`,
    '     already “Local simulator”, so the key will be bound to it and never sent to Kraken.',
    '  2. under “API keys”, choose a vault passphrase (10 characters or more) and type it twice: it encrypts',
    '     the key in the browser; you type it again to unlock after a browser restart.',
    '  3. paste the API key and the private key above into “API key” and “Private key”, then “Save key”.',
    '  4. in the popup: the Trade tab, then “Switch to live”.',
  ];
  for (const line of lines) log(line);
}

async function main(): Promise<void> {
  log('building the production extension (wxt build)…');
  const build = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed (see above)');

  const sim = await startSimProcess(['--port', flag('port') ?? '0', '--seed', flag('seed') ?? '1'], {
    stderr: 'inherit',
  });
  log(`simulator running: REST ${sim.rest}, WebSocket ${sim.wsPublic}`);

  const executablePath = ensureChromium(log);
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless) log('no display found: running Chromium headless (set DISPLAY to see the browser).');
  const ext = await launchWithExtension({ executablePath, headless });
  log(`extension loaded (id ${ext.extensionId}); pointing it at the simulator through its options page…`);
  await pointAtSimulator(ext, sim.rest);

  printDemoKey(sim, extensionUrl(ext, 'options.html'));

  // Screenshots always (artifacts/ is not committed), in a headless browser of their own: what a person sees,
  // to look at without a display. --docs-screenshots also refreshes the README's two (docs/screenshots/).
  const dir = resolve(ROOT, 'artifacts/screens');
  log(
    'taking screenshots (popup Watch, Trade paper and live, options, side panel; en and fr; dark and light)…',
  );
  const shots = await takeScreenshots({
    executablePath,
    sim,
    dir,
    log,
    ...(process.argv.includes('--docs-screenshots') ? { docs: resolve(ROOT, 'docs/screenshots') } : {}),
  });
  log(`${shots.length} screenshots in ${dir} (view-language-theme.png)`);

  const popup = await ext.context.newPage();
  await popup.goto(extensionUrl(ext, 'popup.html'));
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extensionUrl(ext, 'sidepanel.html'));
  if (!headless) log('the popup and the side panel are open in tabs; the toolbar icon opens the popup too.');
  log(`popup URL: ${extensionUrl(ext, 'popup.html')}`);
  log(`side panel URL: ${extensionUrl(ext, 'sidepanel.html')}`);
  log('running; press Ctrl-C to stop the browser and the simulator.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await ext.close();
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  ext.context.on('close', () => void stop());
  sim.child.on('exit', (code) => {
    if (!stopping) log(`the simulator exited (${code}); the extension will show “Reconnecting”.`);
  });
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
