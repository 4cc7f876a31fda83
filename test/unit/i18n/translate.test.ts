import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translate.ts';

describe('t()', () => {
  const en = translator('en');
  const fr = translator('fr');

  it('gives the text of the locale with its placeholders filled', () => {
    expect(en('language.auto', { language: 'English' })).toBe('Same as the browser (English)');
    expect(fr('language.auto', { language: 'français' })).toBe('Celle du navigateur (français)');
    expect(fr('shortcuts.title')).toBe('Raccourcis clavier');
  });

  it('picks the plural form by the language’s rules: French 0 and 1 (and 1.5) singular, English 1 only', () => {
    expect(en('omnibox.morePairs', { count: 1 })).toMatch(/^…and 1 more pair:/);
    expect(en('omnibox.morePairs', { count: 0 })).toMatch(/^…and 0 more pairs:/);
    expect(en('omnibox.morePairs', { count: 2 })).toMatch(/^…and 2 more pairs:/);
    expect(fr('omnibox.morePairs', { count: 0 })).toMatch(/^… et 0 autre paire :/);
    expect(fr('omnibox.morePairs', { count: 1 })).toMatch(/^… et 1 autre paire :/);
    expect(fr('omnibox.morePairs', { count: 1.5 })).toMatch(/^… et 1,5 autre paire :/);
    expect(fr('omnibox.morePairs', { count: 2 })).toMatch(/^… et 2 autres paires :/);
  });

  it('uses French "many" for whole millions, and writes numbers the locale’s way', () => {
    expect(fr('omnibox.morePairs', { count: 1_000_000 })).toBe(
      '… et 1\u202f000\u202f000 d’autres paires : tapez-en une en entier (btc/eur)',
    );
    expect(en('omnibox.morePairs', { count: 1_000_000 })).toMatch(/^…and 1,000,000 more pairs:/);
  });

  it('inserts text parameters as they are (money comes formatted) and leaves unknown braces alone', () => {
    expect(en('omnibox.error.unknown', { text: '{x} 1,5' })).toBe('“{x} 1,5” is not understood.');
  });
});

describe('t() types (checked by tsc on every run)', () => {
  it('refuses unknown keys, missing, extra and mistyped placeholders', () => {
    const t = translator('en');
    // @ts-expect-error: no such key (at run time a key no loaded area has comes out as itself, never a crash)
    expect(t('no.such.key')).toBe('no.such.key');
    // @ts-expect-error: {language} is missing
    expect(t('language.auto')).toBe('Same as the browser ({language})');
    // @ts-expect-error: {other} is not a placeholder of this message
    t('language.auto', { language: 'x', other: 'y' });
    // @ts-expect-error: {count} is a number
    t('omnibox.morePairs', { count: '2' });
    // @ts-expect-error: a message without placeholders takes no parameters
    t('language.title', { x: 1 });
    expect(t('language.title')).toBe('Language');
  });
});
