// Finds a Chromium-family browser for `npm start` and `npm test`, installing Debian's `chromium` when it
// can (root + apt-get). Never downloads a browser build of its own (TOOLCHAIN.md: only Debian's packages).
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

const HOW_TO =
  'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chrome/Chromium binary.';

/** Returns a browser path, installing Debian's chromium first when none is found and we are allowed to. */
export function ensureChromium(log: (line: string) => void = (l) => console.error(l)): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`No Chromium-family browser found. ${HOW_TO}`);
  }
  log('No Chromium found: installing Debian’s chromium package (apt-get, about 30 s)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but no binary was found. ${HOW_TO}`);
  return installed;
}

/** Flags verified on this machine kind (TOOLCHAIN.md): no network beyond loopback, no first-run UI. */
/** `extensionDirs`: one directory, or several joined with commas. */
export function chromiumArgs(extensionDirs: string): string[] {
  return [
    `--disable-extensions-except=${extensionDirs}`,
    `--load-extension=${extensionDirs}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ];
}
