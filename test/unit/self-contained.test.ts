// A fresh clone has nothing beside it: no tracked file may point at the team's library one level up, and
// every fixture a test reads lives in test/fixtures with a provenance row (test/fixtures/kraken/PROVENANCE.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// Built from parts so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\.', 'shared'].join('/'));

function tracked(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(resolve(ROOT, f)));
}

describe('the repository stands alone', () => {
  const files = tracked();

  it('lists the tracked files (the guard below reads something)', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('test/fixtures/kraken/PROVENANCE.md');
  });

  it('no tracked file refers to a path outside the repository', () => {
    const offenders = files.filter((f) => OUTSIDE.test(readFileSync(resolve(ROOT, f), 'latin1')));
    expect(offenders).toEqual([]);
  });

  it('the guard catches such a path', () => {
    expect(OUTSIDE.test(`read ${['..', 'shared', 'kraken', 'SPEC.md'].join('/')}`)).toBe(true);
  });

  it('every Kraken fixture has a provenance row, and every row names a file that is there', () => {
    const provenance = readFileSync(resolve(ROOT, 'test/fixtures/kraken/PROVENANCE.md'), 'utf8');
    const fixtures = files
      .filter((f) => f.startsWith('test/fixtures/kraken/') && !f.endsWith('PROVENANCE.md'))
      .map((f) => f.slice('test/fixtures/kraken/'.length));
    expect(fixtures.length).toBeGreaterThan(20);
    // A row names a file directly, or its folder of examples (`official/krakenfx-api-specs_spot-rest/examples/**`).
    const missing = fixtures.filter((f) => {
      if (provenance.includes(`\`${f}\``)) return false;
      const examples = 'official/krakenfx-api-specs_spot-rest/examples/';
      if (!f.startsWith(examples)) return true;
      const stem = f.slice(f.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
      return !provenance.includes(stem);
    });
    expect(missing).toEqual([]);
  });
});
