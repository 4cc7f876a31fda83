// Every message exists in every language with the same placeholders, and every plural message has exactly
// the forms its language's plural rules use (Intl.PluralRules, CLDR): a missing French text, a renamed
// placeholder or a missing "many" fails here, before a person sees "{amount}" or an English fallback.
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../lib/i18n/all.ts';
import { LOCALES } from '../../../lib/i18n/locales.ts';
import type { MessageKey } from '../../../lib/i18n/translate.ts';

type Entry = (typeof CATALOGS)['en'][MessageKey];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (entry: Entry): string[] => (typeof entry === 'string' ? [entry] : Object.values(entry));
const english = CATALOGS.en;
const keys = Object.keys(english) as MessageKey[];

describe('message catalogs', () => {
  it('has messages to check', () => {
    expect(keys.length).toBeGreaterThan(40);
  });

  it.each(LOCALES)('%s has every key of the English catalog and no other', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...keys].sort());
  });

  it.each(LOCALES)('%s: each message names the same placeholders as the English one', (locale) => {
    const mismatched: string[] = [];
    for (const key of keys) {
      const want = [...new Set(texts(english[key]).flatMap(placeholders))].sort();
      for (const text of texts(CATALOGS[locale][key])) {
        // A plural form may leave {count} out ("un ordre"), never name another placeholder.
        const got = [...new Set(placeholders(text))].filter(
          (p) => p !== 'count' || typeof english[key] === 'string',
        );
        const wanted = want.filter((p) => p !== 'count' || typeof english[key] === 'string');
        if (got.join() !== wanted.join()) mismatched.push(`${key}: ${JSON.stringify(text)}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)(
    '%s: a plural message has exactly the plural forms of the language, a string the others',
    (locale) => {
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      for (const key of keys) {
        const entry = CATALOGS[locale][key];
        if (typeof english[key] === 'string') expect(typeof entry, key).toBe('string');
        else expect(typeof entry === 'string' ? entry : Object.keys(entry).sort(), key).toEqual(categories);
      }
    },
  );

  it.each(LOCALES)('%s: no message is empty, untrimmed, or has an unbalanced brace', (locale) => {
    for (const key of keys) {
      for (const text of texts(CATALOGS[locale][key])) {
        expect(text.trim(), key).toBe(text);
        expect(text.length, key).toBeGreaterThan(0);
        expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
  });

  it('French is French: no message is left identical to the English one but names and examples', () => {
    const same = keys.filter(
      (k) =>
        typeof english[k] === 'string' &&
        english[k] === CATALOGS.fr[k] &&
        !/^\{?[\w/ ]*\}?$/.test(english[k]),
    );
    expect(same).toEqual([]);
  });
});
