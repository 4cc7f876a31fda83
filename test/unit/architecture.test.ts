// The house rules that a reader can check by eye but a reviewer can miss: small files, folders that import
// downward only, and a protocol library (lib/kraken) and base layer (lib/base) that know nothing of the
// browser, the extension framework or the UI. Exceptions are listed, explained, and may only shrink: an
// exception that is no longer needed fails the test too, so the list cannot go stale.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 350;

const KNOWN_EXCEPTIONS = {
  /** Source files still over MAX_LINES. Each belongs to another part of the restructuring. */
  longFiles: [] as string[],
  /** Value-import cycles between lib folders, as the sorted folders of each cycle. */
  folderCycles: [] as string[][],
};

/** Every .ts/.tsx file under `dir` (relative to the repository, with forward slashes). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface ImportEdge {
  /** The module specifier as written. */
  specifier: string;
  /** `import type` / `export type`: erased, no runtime dependency. */
  typeOnly: boolean;
}

/**
 * The import and re-export statements of a module. Statements start a line (as the formatter writes
 * them), so comment and string text that merely mentions "import" does not count.
 */
function importsOf(text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const fromClause = /^[ \t]*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(fromClause)) {
    const [, , type, specifier] = match;
    if (specifier) edges.push({ specifier, typeOnly: type !== undefined });
  }
  return edges;
}

/** `lib/<folder>` of a repository path, or null outside lib/. */
function libFolder(path: string): string | null {
  const m = /^lib\/([^/]+)\//.exec(path);
  return m ? `lib/${m[1]}` : null;
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(from), specifier))
    .split('\\')
    .join('/');
}

/** Folder graph `lib/a → lib/b` from value imports, with the files behind each edge. */
function folderGraph(files: readonly string[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    const from = libFolder(file);
    if (!from) continue;
    for (const edge of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      if (edge.typeOnly) continue;
      const target = resolveSpecifier(file, edge.specifier);
      const to = target && libFolder(target);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${target}`]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan): each is a cycle. */
function cycles(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

const LIB = sourceFiles('lib');
const ALL = [...LIB, ...sourceFiles('entrypoints')];
/** Every program of the repository: the extension, the simulator, the CLI, the bench and the scripts. */
const PROGRAMS = [...ALL, ...['sim', 'cli', 'bench', 'scripts'].flatMap(sourceFiles)];

describe('architecture', () => {
  it(`no source file of the extension, simulator, CLI, bench or scripts is over ${MAX_LINES} lines (known exceptions only shrink)`, () => {
    const long = PROGRAMS.filter(
      (f) => readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 > MAX_LINES,
    ).sort();
    expect(long, 'files over the limit that are not known exceptions').toEqual(
      long.filter((f) => KNOWN_EXCEPTIONS.longFiles.includes(f)),
    );
    expect(
      KNOWN_EXCEPTIONS.longFiles.filter((f) => !long.includes(f)),
      'exceptions no longer needed: remove them from KNOWN_EXCEPTIONS.longFiles',
    ).toEqual([]);
  });

  it('lib folders import downward only: no value-import cycle between them (known exceptions only shrink)', () => {
    const graph = folderGraph(LIB);
    const found = cycles(graph);
    const known = (c: string[]) => KNOWN_EXCEPTIONS.folderCycles.some((k) => k.join() === c.join());
    const describeCycle = (c: string[]) =>
      c.flatMap((from) => c.flatMap((to) => graph.get(from)?.get(to) ?? [])).join('\n');
    const unknown = found.filter((c) => !known(c));
    expect(unknown.map(describeCycle), 'new folder cycles (file → imported file)').toEqual([]);
    expect(
      KNOWN_EXCEPTIONS.folderCycles.filter((k) => !found.some((c) => c.join() === k.join())),
      'cycles that are gone: remove them from KNOWN_EXCEPTIONS.folderCycles',
    ).toEqual([]);
  });

  it('IndexedDB stays behind lib/db: only lib/db uses idb, and no other lib folder imports lib/db, not even a type', () => {
    const problems: string[] = [];
    for (const file of LIB) {
      if (libFolder(file) === 'lib/db') continue;
      for (const { specifier } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const target = resolveSpecifier(file, specifier);
        if (specifier === 'idb' || specifier.startsWith('idb/'))
          problems.push(`${file} imports ${specifier}`);
        else if (target && libFolder(target) === 'lib/db') problems.push(`${file} imports ${target}`);
      }
    }
    expect(
      problems,
      'stores belong in lib/db; domains own their store interfaces and record types, lib/db imports them',
    ).toEqual([]);
  });

  it('lib/kraken, lib/i18n and lib/base know nothing of the browser, WXT, Preact or other lib folders (but lib/base)', () => {
    const forbiddenPackage = /^(wxt|preact|@preact|webextension-polyfill)(\/|$)/;
    const problems: string[] = [];
    for (const file of LIB) {
      const folder = libFolder(file);
      if (folder !== 'lib/kraken' && folder !== 'lib/i18n' && folder !== 'lib/base') continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const { specifier } of importsOf(text)) {
        const target = resolveSpecifier(file, specifier);
        const targetFolder = target && libFolder(target);
        if (forbiddenPackage.test(specifier)) problems.push(`${file} imports ${specifier}`);
        else if (target && !targetFolder) problems.push(`${file} imports ${target} (outside lib/)`);
        else if (targetFolder && targetFolder !== folder && targetFolder !== 'lib/base')
          problems.push(`${file} imports ${target}`);
      }
      if (/\b(browser|chrome)\.(runtime|storage|action|alarms|tabs)\b/.test(text))
        problems.push(`${file} uses the extension API`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('read value and type imports and re-exports, not text that mentions them', () => {
    const text = [
      "import { a, type B } from '../x/a.ts';",
      "import type { C } from '../y/c.ts';",
      "export { d } from '../z/d.ts';",
      "export type { E } from '../w/e.ts';",
      "export * from './f.ts';",
      "import '../side/effect.ts';",
      'import {',
      '  g,',
      "} from '../multi/line.ts';",
      "// import { no } from '../comment.ts';",
      'const s = \'import x from "../string.ts"\';',
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: '../x/a.ts', typeOnly: false },
      { specifier: '../y/c.ts', typeOnly: true },
      { specifier: '../z/d.ts', typeOnly: false },
      { specifier: '../w/e.ts', typeOnly: true },
      { specifier: './f.ts', typeOnly: false },
      { specifier: '../side/effect.ts', typeOnly: false },
      { specifier: '../multi/line.ts', typeOnly: false },
    ]);
  });

  it('find every cycle, and only cycles', () => {
    const g = (edges: [string, string][]) => {
      const graph = new Map<string, Map<string, true>>();
      for (const [a, b] of edges) graph.set(a, (graph.get(a) ?? new Map()).set(b, true));
      return graph;
    };
    expect(
      cycles(
        g([
          ['a', 'b'],
          ['b', 'c'],
        ]),
      ),
    ).toEqual([]);
    expect(
      cycles(
        g([
          ['a', 'b'],
          ['b', 'a'],
          ['b', 'c'],
          ['c', 'd'],
          ['d', 'c'],
          ['e', 'a'],
        ]),
      ),
    ).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(
      cycles(
        g([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });
});
