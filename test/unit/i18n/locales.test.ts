import { describe, expect, it } from 'vitest';
import { browserLanguages, isLanguageSetting, resolveLocale } from '../../../lib/i18n/locales.ts';

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

describe('browserLanguages', () => {
  it('puts the browser’s pick among our _locales first, then its UI language', () => {
    expect(browserLanguages({ getMessage: () => 'fr', getUILanguage: () => 'en-US' })).toEqual([
      'fr',
      'en-US',
    ]);
    expect(
      resolveLocale('auto', browserLanguages({ getMessage: () => 'fr', getUILanguage: () => 'en-US' })),
    ).toBe('fr');
  });

  it('falls back to the UI language where there is no _locales message', () => {
    expect(browserLanguages({ getMessage: () => '', getUILanguage: () => 'fr-CA' })).toEqual(['fr-CA']);
    const throwing = {
      getMessage: (): string => {
        throw new Error('no messages');
      },
      getUILanguage: () => 'de',
    };
    expect(browserLanguages(throwing)).toEqual(['de']);
  });
});
