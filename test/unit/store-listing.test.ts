// What the stores read from the package: the name and description in every language (public/_locales), each
// manifest string that names a message, and the one innerHTML web-ext lint warns about (Preact's, reachable
// only through dangerouslySetInnerHTML, which nothing here uses).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../lib/launch/commands.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, 'public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const messages = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;

describe('the store listing', () => {
  const locales = readdirSync(LOCALES_DIR).sort();

  it('speaks English (the default) and French, with the same messages', () => {
    expect(locales).toEqual(['en', 'fr']);
    expect(Object.keys(messages('fr')).sort()).toEqual(Object.keys(messages('en')).sort());
  });

  it('names every manifest message that exists (the config’s __MSG_…__ and the shortcuts’ descriptions)', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const named = [
      ...[...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? ''),
      ...COMMANDS.map((c) => /^__MSG_(\w+)__$/.exec(c.manifestDescription)?.[1] ?? c.manifestDescription),
    ];
    expect(named).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    for (const locale of locales)
      for (const key of named) expect(messages(locale), `${locale}: ${key}`).toHaveProperty(key);
  });

  it.each([
    ['en', /^Unofficial, not made by Kraken: /],
    ['fr', /^Non officiel, non conçu par Kraken : /],
  ])(
    '%s: "Trader for Kraken", described as unofficial within Chrome’s 132 characters',
    (locale, unofficial) => {
      const m = messages(locale);
      expect(m.extName?.message).toBe('Trader for Kraken');
      expect(m.extDescription?.message).toMatch(unofficial);
      expect(m.extDescription?.message.length).toBeLessThanOrEqual(132);
      // Chrome's limit for a command description is not documented as such; its shortcut page cuts long ones.
      for (const c of COMMANDS) {
        const key = /^__MSG_(\w+)__$/.exec(c.manifestDescription)?.[1] ?? '';
        expect(m[key]?.message.length, key).toBeLessThanOrEqual(60);
      }
    },
  );

  it('no component sets HTML from a string (the Preact path web-ext lint warns about stays unused)', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
      );
    const offenders = [...files('lib'), ...files('entrypoints')].filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(
        readFileSync(join(ROOT, f), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
