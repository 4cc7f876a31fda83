// `npm start`: build the production extension, start the simulator, open Chromium with the extension
// loaded and pointed at the simulator. Headless when there is no display (then a screenshot of the popup
// is written). Runs until Ctrl-C, then stops everything it started.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionUrl, launchWithExtension, pointAtSimulator } from './lib/browser.ts';
import { ensureChromium } from './lib/chromium.ts';
import { startSimProcess } from './lib/sim-process.ts';

const ROOT = resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[start] ${line}`);

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
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

  const popup = await ext.context.newPage();
  await popup.goto(extensionUrl(ext, 'popup.html'));
  await popup
    .locator('[data-testid="last"]')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => log('no prices after 15 s: check the simulator output above.'));

  // The side panel's page in a tab too (Chrome opens the real panel only from a click: the popup's "Open in
  // side panel"), at a side panel's usual width.
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extensionUrl(ext, 'sidepanel.html'));
  await panel
    .locator('[data-testid="chart"]:not([data-candles="0"])')
    .waitFor({ timeout: 15_000 })
    .catch(() => log('the side panel drew no candles after 15 s: check the simulator output above.'));
  await popup
    .locator('[data-testid="sparkline"]:not([data-points="0"])')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => log('no sparklines after 15 s.'));

  // Screenshots always (artifacts/ is not committed): what a person sees, to look at without a display.
  const dir = resolve(ROOT, 'artifacts');
  mkdirSync(dir, { recursive: true });
  for (const [name, page] of [
    ['popup', popup],
    ['sidepanel', panel],
  ] as const) {
    const path = resolve(dir, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    log(`screenshot of the ${name === 'popup' ? 'popup' : 'side panel'}: ${path}`);
  }
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
