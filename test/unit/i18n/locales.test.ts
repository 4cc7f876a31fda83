import { describe, expect, it } from 'vitest';
import { isLanguageSetting, resolveLocale } from '../../../lib/i18n/locales.ts';

describe('resolveLocale', () => {
  it.each([
    [['fr'], 'fr'],
    [['fr-CA', 'en'], 'fr'],
    [['FR-fr'], 'fr'],
    [['fr_BE'], 'fr'],
    [['en-US'], 'en'],
    [['de-DE', 'fr-FR'], 'fr'],
    [['de-DE', 'es'], 'en'],
    [[], 'en'],
    [['frr'], 'en'], // North Frisian is not French
    [['  fr  '], 'fr'],
  ])('follows the browser %j → %s', (languages, locale) => {
    expect(resolveLocale('auto', languages)).toBe(locale);
  });

  it('keeps a chosen language whatever the browser says', () => {
    expect(resolveLocale('en', ['fr-FR'])).toBe('en');
    expect(resolveLocale('fr', ['en-US'])).toBe('fr');
  });

  it.each([
    ['auto', true],
    ['en', true],
    ['fr', true],
    ['de', false],
    ['', false],
    [null, false],
    [1, false],
    ['__proto__', false],
  ])('isLanguageSetting(%j) is %s', (value, ok) => {
    expect(isLanguageSetting(value)).toBe(ok);
  });
});
