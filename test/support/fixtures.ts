// Reads the Kraken fixtures (official vectors, real captures) copied into test/fixtures/kraken (see its PROVENANCE.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/kraken');

export function fixtureText(relative: string): string {
  return readFileSync(resolve(FIXTURES, relative), 'utf8');
}

export function fixtureJson<T = unknown>(relative: string): T {
  return JSON.parse(fixtureText(relative)) as T;
}

export function fixtureJsonl<T = unknown>(relative: string): T[] {
  return fixtureText(relative)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
