// `npm test`: type check + lint + unit tests + end-to-end tests (the production builds in a real Chromium
// and in Firefox ESR) + Mozilla's add-on linter on the Firefox build, ending with one plain line
// "N passed, N failed" that counts every test and the three static checks. A missing browser is a failure
// with what to do, never a skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ensureChromium } from './lib/chromium.ts';
import { ensureFirefox } from './lib/firefox.ts';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label: string, cmd: string, args: string[]): void {
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
  testResults: {
    name: string;
    status: string;
    assertionResults: { status: string; fullName?: string; failureMessages?: string[] }[];
  }[];
}

function vitest(project: 'unit' | 'e2e' | 'e2e-firefox', env: NodeJS.ProcessEnv = {}): void {
  const out = join(mkdtempSync(join(tmpdir(), 'vitest-')), 'report.json');
  const ok = run(
    `${project} tests (vitest)`,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  let report: VitestJson | null = null;
  try {
    report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  } catch {
    // No report: vitest itself failed to start. Counted below.
  }
  if (!report || report.numTotalTests === 0) {
    failed += 1;
    failures.push(`${project}: no tests ran`);
    return;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A test file that fails to load (syntax error, missing fixture) has no failed test in it: count the file.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  );
  failed += brokenFiles.length;
  for (const f of brokenFiles) failures.push(`${project}: ${f.name} did not load`);
  // A skipped test is a defect here (DEVELOPERS.md): count it as failed so it cannot hide.
  failed += report.numPendingTests;
  if (report.numFailedTests + report.numPendingTests > 0 || (!ok && brokenFiles.length === 0)) {
    failures.push(`${project}: ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  }
  // Name each failed test at the end of the run, where a CI log's tail shows it (the full output may be cut).
  for (const file of report.testResults) {
    for (const a of file.assertionResults) {
      if (a.status !== 'failed' && a.status !== 'pending' && a.status !== 'skipped') continue;
      const why = (a.failureMessages?.[0] ?? a.status).split('\n')[0]?.slice(0, 300);
      failures.push(`  ${relative(ROOT, file.name)} › ${a.fullName ?? '?'}: ${why}`);
    }
  }
}

/**
 * `web-ext lint` (Mozilla's addons-linter, what addons.mozilla.org runs on upload) on the Firefox build: one
 * check, failed by any error. Warnings are printed, not counted (README, "Stores": the one left is Preact's).
 * NO_UPDATE_NOTIFIER: web-ext would otherwise ask the npm registry whether it is the newest.
 */
function firefoxLint(): void {
  const label = 'Firefox add-on lint (web-ext lint, 0 errors)';
  console.log(`\n▶ ${label}`);
  const result = spawnSync(
    bin('web-ext'),
    ['lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery', '--output', 'json'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
  );
  let summary: { errors: number; warnings: number } | null = null;
  let messages: { code: string; message: string; file?: string }[] = [];
  try {
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number; warnings: number };
      errors: typeof messages;
      warnings: typeof messages;
    };
    summary = report.summary;
    messages = [...report.errors, ...report.warnings];
  } catch {
    console.error(result.stdout, result.stderr);
  }
  for (const m of messages) console.log(`  ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`);
  if (summary) console.log(`  ${summary.errors} errors, ${summary.warnings} warnings`);
  if (summary && summary.errors === 0 && result.status === 0) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

step('type check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
step('lint and format (biome check)', bin('biome'), ['check', '--error-on-warnings', '.']);
vitest('unit');

let chromiumPath: string | null = null;
try {
  chromiumPath = ensureChromium();
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  failed += 1;
  failures.push('no Chromium for the end-to-end tests');
}
if (chromiumPath) {
  if (run('production build (wxt build)', bin('wxt'), ['build'])) {
    vitest('e2e', { CHROMIUM_PATH: chromiumPath });
  } else {
    failed += 1;
    failures.push('production build');
  }
}

let firefoxPath: string | null = null;
try {
  firefoxPath = ensureFirefox();
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  failed += 1;
  failures.push('no Firefox for the Firefox end-to-end tests');
}
if (firefoxPath) {
  if (
    run('Firefox production build (wxt build -b firefox --mv3)', bin('wxt'), [
      'build',
      '-b',
      'firefox',
      '--mv3',
    ])
  ) {
    firefoxLint();
    vitest('e2e-firefox', { FIREFOX_PATH: firefoxPath });
  } else {
    failed += 1;
    failures.push('Firefox production build');
  }
}

if (failures.length) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
