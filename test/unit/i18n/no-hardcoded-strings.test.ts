// Issue 20: no component holds a hard-coded user-visible string. Every .tsx file under lib/ui, lib/ticket,
// lib/chart and entrypoints is parsed with the TypeScript compiler (TypeScript 7's API, `typescript/unstable/*`,
// pinned with the compiler in package.json) and its JSX text and text-bearing attributes (aria-label,
// placeholder, title, alt, label) are read: any letter there must come from t(). Text with no letter is allowed
// (·, ×, —, …, numbers, {expressions}), and so are the commands and keys inside <code> and <kbd>, and URLs.
// PENDING lists what is still to translate; it may only shrink: an entry that has become clean fails too.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SyntaxKind } from 'typescript/unstable/ast';
import { createVirtualFileSystem } from 'typescript/unstable/fs';
import { API } from 'typescript/unstable/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCANNED = ['lib/ui', 'lib/ticket', 'lib/chart', 'entrypoints'];
const ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label']);
/** Elements whose text is a command or a key, the same in every language. */
const VERBATIM = new Set(['code', 'kbd']);

/** Folders and files still to translate (a folder ends with "/"): empty since the popup was translated. */
const PENDING: readonly string[] = [];

interface Finding {
  file: string;
  line: number;
  text: string;
}

// The parts of the compiler's nodes read here (typescript/unstable/ast).
interface AstNode {
  kind: number;
  pos: number;
  end: number;
  text?: string;
  forEachChild(visit: (node: AstNode) => unknown): unknown;
}
interface Nodes {
  name: AstNode & { text: string };
  initializer?: AstNode;
  expression?: AstNode;
  whenTrue: AstNode;
  whenFalse: AstNode;
  operatorToken: AstNode;
  right: AstNode;
  left: AstNode;
  head: AstNode;
  templateSpans: (AstNode & { literal: AstNode })[];
  openingElement: AstNode & { tagName: AstNode & { text?: string } };
}
const as = (node: AstNode) => node as AstNode & Nodes;

const hasLetter = (text: string) => /\p{L}/u.test(text);
const isUrl = (text: string) => /^[a-z]+:\/\/\S+$/i.test(text.trim());

/**
 * The literal texts an expression can put on the screen: the literal itself, either branch of a ?:, the
 * right side of && || ??, the literal parts of a template. A literal passed to a call (t('key')) or compared
 * (mode === 'view') is not shown, so it is not followed.
 */
function shownLiterals(node: AstNode | undefined): AstNode[] {
  if (!node) return [];
  const n = as(node);
  switch (node.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      return [node];
    case SyntaxKind.TemplateExpression:
      return [n.head, ...n.templateSpans.map((s) => s.literal)];
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.JsxExpression:
      return shownLiterals(n.expression);
    case SyntaxKind.ConditionalExpression:
      return [...shownLiterals(n.whenTrue), ...shownLiterals(n.whenFalse)];
    case SyntaxKind.BinaryExpression: {
      const op = n.operatorToken.kind;
      if (op === SyntaxKind.AmpersandAmpersandToken) return shownLiterals(n.right);
      if (op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken)
        return [...shownLiterals(n.left), ...shownLiterals(n.right)];
      return [];
    }
    default:
      return [];
  }
}

function scan(file: string, root: AstNode, source: string): Finding[] {
  const found: Finding[] = [];
  const report = (node: AstNode, text: string) => {
    if (!hasLetter(text) || isUrl(text)) return;
    const start = node.pos + Math.max(0, source.slice(node.pos, node.end).search(/\S/));
    const line = source.slice(0, start).split('\n').length;
    found.push({ file, line, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: AstNode, verbatim: boolean): void => {
    const n = as(node);
    let inside = verbatim;
    if (node.kind === SyntaxKind.JsxElement) inside ||= VERBATIM.has(n.openingElement.tagName.text ?? '');
    if (node.kind === SyntaxKind.JsxText && !verbatim) report(node, node.text ?? '');
    if (node.kind === SyntaxKind.JsxExpression && !verbatim)
      for (const literal of shownLiterals(node)) report(literal, literal.text ?? '');
    if (node.kind === SyntaxKind.JsxAttribute && ATTRIBUTES.has(n.name.text))
      for (const literal of shownLiterals(n.initializer)) report(literal, literal.text ?? '');
    // An attribute's expression is judged above, not again as a child (only the listed attributes are text).
    if (node.kind === SyntaxKind.JsxAttribute) return;
    node.forEachChild((child) => visit(child, inside));
  };
  visit(root, false);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

const pendingFor = (file: string) => PENDING.find((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

/** A component holding English on purpose: what the scanner must find. */
const SELF_TEST = 'test/unit/i18n/fixtures/Untranslated.tsx';

let api: API | undefined;
let project: { program: { getSourceFile(path: string): { text: string } | undefined } } | undefined;
const findings: Finding[] = [];
let files: string[] = [];

beforeAll(() => {
  files = SCANNED.flatMap(tsxFiles).sort();
  api = new API({ cwd: ROOT });
  project = api.updateSnapshot({ openProjects: [join(ROOT, 'tsconfig.json')] }).getProjects()[0];
  if (!project) throw new Error('the TypeScript API opened no project for tsconfig.json');
  for (const file of files) {
    const source = project.program.getSourceFile(join(ROOT, file));
    if (!source) throw new Error(`${file} is not in the TypeScript program`);
    findings.push(...scan(file, source as unknown as AstNode, source.text));
  }
}, 60_000);
afterAll(() => api?.close());

describe('no hard-coded user-visible string in a component', () => {
  it('reads the components (and finds the strings a component would hold)', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain('entrypoints/options/App.tsx');
    // The scanner sees what it must, in a component written to be caught (symbols and <code> let through).
    const source = project?.program.getSourceFile(join(ROOT, SELF_TEST));
    if (!source) throw new Error(`${SELF_TEST} is not in the TypeScript program`);
    expect(scan(SELF_TEST, source as unknown as AstNode, source.text).map((f) => [f.line, f.text])).toEqual([
      [6, 'Hello trader'],
      [7, 'Close the panel'],
      [10, 'Sending…'],
    ]);
  });

  it('every file not pending is translated', () => {
    const left = findings.filter((f) => !pendingFor(f.file)).map((f) => `${f.file}:${f.line} “${f.text}”`);
    expect(left).toEqual([]);
  });

  it.each(PENDING)('%s is still pending (remove it from PENDING once translated)', (entry) => {
    expect(findings.some((f) => pendingFor(f.file) === entry)).toBe(true);
  });

  it('lists the path of every pending entry that exists', () => {
    for (const entry of PENDING)
      expect(
        files.some((f) => (entry.endsWith('/') ? f.startsWith(entry) : f === entry)),
        entry,
      ).toBe(true);
  });
});

describe('the scanner', () => {
  /** What the scanner reports in a component of its own (a virtual file: nothing is written to disk). */
  const probe = (tsx: string) => {
    const fs = createVirtualFileSystem({
      '/probe/tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'preserve' }, files: ['probe.tsx'] }),
      '/probe/probe.tsx': tsx,
    });
    const local = new API({ cwd: '/probe', fs });
    try {
      const project = local.updateSnapshot({ openProjects: ['/probe/tsconfig.json'] }).getProjects()[0];
      const source = project?.program.getSourceFile('/probe/probe.tsx');
      if (!source) throw new Error('the probe was not parsed');
      return scan('probe.tsx', source as unknown as AstNode, source.text).map((f) => f.text);
    } finally {
      local.close();
    }
  };

  it('flags text, shown literals and text attributes; lets symbols, keys, code and URLs through', () => {
    const texts = probe(`
      declare const t: (k: string) => string;
      declare const busy: boolean;
      export const A = () => (
        <div title="Hello" aria-label={busy ? 'Busy' : t('x.y')} data-testid="not-text">
          Plain words {busy ? 'Saving…' : t('keys.save')} {busy && ' — done'} {\`Spread \${1}\`}
          · × — {t('a.b')} 42 % <code>npm run sim</code> <kbd>Alt+K</kbd>
          <input placeholder="http://127.0.0.1:8787" />
          <option label="Label" value="v">{busy === true ? '' : '…'}</option>
        </div>
      );
    `);
    expect(texts).toEqual(['Hello', 'Busy', 'Plain words', 'Saving…', '— done', 'Spread', 'Label']);
  }, 60_000);
});
