// Finds Firefox for the Firefox end-to-end tests, installing Debian's `firefox-esr` when it can (root +
// apt-get), as chromium.ts does for Chromium. Never downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The oldest Firefox the Firefox build declares (wxt.config.ts, strict_min_version). */
export const FIREFOX_MIN_MAJOR = 140;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

/** "Mozilla Firefox 153.8.0esr" → 153; null when the binary does not say. */
export function firefoxMajor(path: string): number | null {
  const out = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const match = /Firefox\s+(\d+)\./.exec(`${out.stdout ?? ''}`);
  return match ? Number(match[1]) : null;
}

const HOW_TO =
  'Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to a Firefox binary.';

/**
 * A Firefox path for the Firefox end-to-end tests, installing Debian's firefox-esr first when none is found
 * and we are allowed to. Throws with what to do when there is none, or when it is older than the build's
 * strict_min_version (it would refuse to install the add-on).
 */
export function ensureFirefox(log: (line: string) => void = (l) => console.error(l)): string {
  let found = findFirefox();
  if (!found) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
    if (!isRoot || !hasApt) throw new Error(`No Firefox found. ${HOW_TO}`);
    log('No Firefox found: installing Debian’s firefox-esr package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
    found = findFirefox();
    if (!found) throw new Error(`apt-get installed firefox-esr but no binary was found. ${HOW_TO}`);
  }
  const major = firefoxMajor(found);
  if (major !== null && major < FIREFOX_MIN_MAJOR) {
    throw new Error(
      `${found} is Firefox ${major}; the add-on needs ${FIREFOX_MIN_MAJOR} or newer. ${HOW_TO}`,
    );
  }
  return found;
}
