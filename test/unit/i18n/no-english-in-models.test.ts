// Issue 20: the models that used to write sentences (the ticket's checks, validateOrder, the alert view, the
// re-check, an alert rule's refusal, the live status and the dead man's switch) now take their words from the catalogs, so French never shows English. This holds them to it: every
// string and template literal in these files is parsed with the TypeScript compiler (as its sibling
// no-hardcoded-strings.test.ts parses the components) and none may hold two words in a row, the mark of a
// sentence. Codes ('below-minimum'), keys ('ticketProblem.what.amount', `order.type.${type}`) and symbols pass;
// a programmer's error (`throw new RangeError('unknown order type …')`) is not shown to anyone and passes too.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SyntaxKind } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The model files that speak to people: a folder's .ts files (not its components), or one file. */
const SCANNED = [
  'lib/ticket/',
  'lib/alerts/editor.ts',
  'lib/alerts/rule-error.ts',
  'lib/alerts/rules.ts',
  'lib/alerts/view.ts',
  'lib/kraken/pairs/validate.ts',
  'lib/orders/problem-text.ts',
  'lib/trading/failure.ts',
  'lib/trading/live/account.ts',
  'lib/trading/live/token-health.ts',
  'lib/trading/no-live.ts',
  'lib/trading/recheck.ts',
  'lib/trading/types.ts',
  'lib/ui/alert-rule-text.ts',
  'lib/ui/alert-text.ts',
  'lib/ui/trading/live-text.ts',
];
const SELF_TEST = 'test/unit/i18n/fixtures/english-model.ts';

interface AstNode {
  kind: number;
  pos: number;
  end: number;
  text?: string;
  parent?: AstNode;
  forEachChild(visit: (node: AstNode) => unknown): unknown;
}
interface Nodes {
  head: AstNode;
  templateSpans: (AstNode & { literal: AstNode })[];
  expression?: AstNode;
}
const as = (node: AstNode) => node as AstNode & Nodes;

/** Two words of letters in a row (a space, comma or colon between them): a sentence, not a code or a key. */
const SENTENCE = /\p{L}{2,}[\s,;:]+\p{L}{2,}/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** The literal texts of a file: strings, and the fixed parts of templates, except inside `throw new …(…)`. */
function scan(file: string, root: AstNode, source: string): Finding[] {
  const found: Finding[] = [];
  const report = (node: AstNode, text: string) => {
    if (!SENTENCE.test(text)) return;
    const start = node.pos + Math.max(0, source.slice(node.pos, node.end).search(/\S/));
    found.push({ file, line: source.slice(0, start).split('\n').length, text: text.trim() });
  };
  const visit = (node: AstNode): void => {
    if (node.kind === SyntaxKind.ThrowStatement) return;
    if (node.kind === SyntaxKind.ImportDeclaration || node.kind === SyntaxKind.ExportDeclaration) return;
    if (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral)
      report(node, node.text ?? '');
    if (node.kind === SyntaxKind.TemplateExpression) {
      const n = as(node);
      // The fixed parts, joined where an expression stood: "The smallest " + "x" + " order is " + "x" + ".".
      report(node, [n.head, ...n.templateSpans.map((s) => s.literal)].map((l) => l.text ?? '').join('x'));
    }
    node.forEachChild(visit);
  };
  visit(root);
  return found;
}

function modelFiles(entry: string): string[] {
  if (!entry.endsWith('/')) return [entry];
  return readdirSync(join(ROOT, entry))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${entry}${name}`);
}

let api: API | undefined;
let project: { program: { getSourceFile(path: string): { text: string } | undefined } } | undefined;
let files: string[] = [];
const findings: Finding[] = [];

function parse(file: string): Finding[] {
  const source = project?.program.getSourceFile(join(ROOT, file));
  if (!source) throw new Error(`${file} is not in the TypeScript program`);
  return scan(file, source as unknown as AstNode, source.text);
}

beforeAll(() => {
  files = SCANNED.flatMap(modelFiles).sort();
  api = new API({ cwd: ROOT });
  project = api.updateSnapshot({ openProjects: [join(ROOT, 'tsconfig.json')] }).getProjects()[0];
  if (!project) throw new Error('the TypeScript API opened no project for tsconfig.json');
  for (const file of files) findings.push(...parse(file));
}, 60_000);
afterAll(() => api?.close());

describe('no English sentence in the models', () => {
  it('reads the models, and finds a sentence planted in one (and only the sentences)', () => {
    expect(files).toContain('lib/ticket/amount.ts');
    expect(files).toContain('lib/ticket/options.ts');
    expect(files).not.toContain('lib/ticket/OrderTicket.tsx');
    expect(parse(SELF_TEST).map((f) => [f.line, f.text])).toEqual([
      [9, 'Enter an amount.'],
      [10, 'The smallest x order is x.'],
    ]);
  });

  it('every model file takes its words from the catalogs', () => {
    expect(findings.map((f) => `${f.file}:${f.line} “${f.text}”`)).toEqual([]);
  });
});
