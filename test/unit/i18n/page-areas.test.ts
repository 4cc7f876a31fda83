// A page loads only its areas' texts (lib/i18n/areas.ts); a key of an area it did not load would show as the key.
// So every key a page's code names must be in an area loaded with that code: the page's own at open, and a lazy
// chunk's (import()) with it. The code is followed import by import from each page's entry (value imports
// only: `import type` is erased), and a key is any string literal that is a catalog key, or the fixed start of a
// template literal (`order.type.${type}`: every key that starts so).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Area } from '../../../lib/i18n/areas.ts';
import { alertRulesEn } from '../../../lib/i18n/messages/alert-rules.en.ts';
import { commonEn } from '../../../lib/i18n/messages/common.en.ts';
import { notifyEn } from '../../../lib/i18n/messages/notify.en.ts';
import { optionsEn } from '../../../lib/i18n/messages/options.en.ts';
import { panelEn } from '../../../lib/i18n/messages/panel.en.ts';
import { popupEn } from '../../../lib/i18n/messages/popup.en.ts';
import { popupTradeEn } from '../../../lib/i18n/messages/popup-trade.en.ts';
import { settingsEn } from '../../../lib/i18n/messages/settings.en.ts';
import { ticketProblemsEn } from '../../../lib/i18n/messages/ticket-problems.en.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const AREA_TEXTS: Record<Area, object> = {
  common: commonEn,
  settings: settingsEn,
  notify: notifyEn,
  popup: popupEn,
  trade: { ...popupTradeEn, ...ticketProblemsEn },
  panel: panelEn,
  options: optionsEn,
  alertRules: alertRulesEn,
};
const areaOf = new Map<string, Area>();
for (const [area, texts] of Object.entries(AREA_TEXTS) as [Area, object][])
  for (const key of Object.keys(texts)) areaOf.set(key, area);

/**
 * Each page: its entry, the areas it loads before it renders, and for each lazy chunk (by the file import()
 * names) the areas it loads with it. Mirrors entrypoints/*: change both together.
 */
const PAGES: Record<string, { entry: string; areas: Area[]; lazy: Record<string, Area[]> }> = {
  popup: {
    entry: 'entrypoints/popup/main.tsx',
    areas: ['common', 'popup'],
    lazy: {
      'entrypoints/popup/TradeTab.tsx': ['trade'],
      'lib/chart/ChartPanel.tsx': ['panel'],
      'lib/ui/AlertForm.tsx': ['alertRules'],
    },
  },
  sidepanel: {
    entry: 'entrypoints/sidepanel/main.tsx',
    areas: ['common', 'popup', 'trade', 'panel'],
    lazy: { 'lib/ui/AlertForm.tsx': ['alertRules'] },
  },
  options: {
    entry: 'entrypoints/options/main.tsx',
    areas: ['common', 'settings', 'notify', 'popup', 'trade', 'panel', 'options', 'alertRules'],
    lazy: {},
  },
};

/** Names that are a key's text but in code mean something else (a request's type), never shown. */
const NOT_TEXT = new Set(['vault.unlock']);

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const path = join(dirname(from), spec);
  return existsSync(join(ROOT, path)) ? path : null;
}

/** The file's value imports (static) and the files it import()s. */
function importsOf(file: string, source: string): { static: string[]; lazy: string[] } {
  const stat: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gms)) {
    const target = resolveImport(file, m[1] ?? '');
    if (target) stat.push(target);
  }
  for (const m of source.matchAll(/^export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gms)) {
    const target = resolveImport(file, m[1] ?? '');
    if (target) stat.push(target);
  }
  const lazy: string[] = [];
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const target = resolveImport(file, m[1] ?? '');
    if (target) lazy.push(target);
  }
  return { static: stat, lazy };
}

/** The catalog keys a file names. */
function keysOf(source: string): string[] {
  const keys = new Set<string>();
  for (const m of source.matchAll(/(['"`])([a-zA-Z]+\.[\w.-]+)\1/g))
    if (areaOf.has(m[2] ?? '') && !NOT_TEXT.has(m[2] ?? '')) keys.add(m[2] ?? '');
  for (const m of source.matchAll(/`([a-zA-Z]+\.[\w.-]*)\$\{/g))
    for (const key of areaOf.keys()) if (key.startsWith(m[1] ?? '\0')) keys.add(key);
  return [...keys];
}

/** Every key named by code reached from `entry` without crossing an import(), and the import()ed files. */
function reach(entry: string, seen: Set<string>): { keys: Map<string, string>; lazy: string[] } {
  const keys = new Map<string, string>();
  const lazy: string[] = [];
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.startsWith('lib/i18n/')) continue;
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const key of keysOf(source)) if (!keys.has(key)) keys.set(key, file);
    const found = importsOf(file, source);
    stack.push(...found.static);
    lazy.push(...found.lazy);
  }
  return { keys, lazy };
}

/** Keys a page's code names outside the areas loaded with it: "file: key (area)". */
function missing(page: (typeof PAGES)[string]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (entry: string, areas: readonly Area[]) => {
    const { keys, lazy } = reach(entry, seen);
    for (const [key, file] of keys) {
      const area = areaOf.get(key);
      if (area && !areas.includes(area)) out.push(`${relative('.', file)}: ${key} (${area})`);
    }
    for (const chunk of lazy) visit(chunk, [...areas, ...(page.lazy[chunk] ?? [])]);
  };
  visit(page.entry, page.areas);
  return out;
}

describe('every key a page names is in an area it loads', () => {
  it.each(Object.keys(PAGES))('%s', (name) => {
    const page = PAGES[name];
    if (!page) throw new Error(name);
    expect(missing(page)).toEqual([]);
  });

  it('follows imports into lazy chunks and finds keys there (the popup reaches the ticket)', () => {
    const seen = new Set<string>();
    const popup = reach('entrypoints/popup/main.tsx', seen);
    expect(popup.lazy).toContain('entrypoints/popup/TradeTab.tsx');
    expect([...popup.keys.keys()]).toContain('watch.empty');
    expect([...popup.keys.keys()]).not.toContain('ticket.buy');
    expect([...reach('entrypoints/popup/TradeTab.tsx', seen).keys.keys()]).toContain('ticket.buy');
  });

  it('the popup at open loads Kraken’s error class but not its English hints (the CLI’s and the logs’)', () => {
    // The pages say a hint by code from their catalogs; lib/kraken/rest/error-hints.ts is ~3.8 KB the popup's
    // first chunk carried before (bench row popup-js). The background builds errors with them.
    const popup = new Set<string>();
    reach('entrypoints/popup/main.tsx', popup);
    expect(popup).toContain('lib/kraken/rest/errors.ts');
    expect(popup).not.toContain('lib/kraken/rest/error-hints.ts');
    const background = new Set<string>();
    reach('entrypoints/background/index.ts', background);
    expect(background).toContain('lib/kraken/rest/error-hints.ts');
  });

  it('catches a key of an area the page does not load', () => {
    const page = { entry: 'entrypoints/popup/main.tsx', areas: ['common'] as Area[], lazy: {} };
    expect(missing(page).some((m) => m.endsWith('(popup)'))).toBe(true);
  });
});
