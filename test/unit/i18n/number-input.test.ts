// Numbers as people type them, in French and in English: the locale's decimal separator is read, nothing is
// dropped, and a text that could mean two numbers is refused with a message that says what to type.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { type NumberProblem, numberProblemText, parseLocaleDecimal } from '../../../lib/i18n/number-input.ts';
import { translator } from '../../../lib/i18n/translate.ts';

const ok = (value: string) => ({ ok: true, value });
const no = (problem: NumberProblem) => ({ ok: false, problem });

describe('parseLocaleDecimal: French', () => {
  it.each([
    ['0,5', '0.5'],
    ['60000', '60000'],
    ['0,01', '0.01'],
    ['12,50', '12.50'],
    [',5', '0.5'],
    ['0,500', '0.500'], // 0 before the comma: never a thousands group
    ['1,0050', '1.0050'], // four decimals: not a group
    ['1234,5', '1234.5'], // four digits before: not a group
    ['1,5', '1.5'],
    ['1,00', '1.00'],
    ['007', '007'],
    ['  0,25  ', '0.25'],
    ['0', '0'],
    ['00012345678901234567890,123456789', '00012345678901234567890.123456789'],
  ])('reads %j as %s', (text, value) => {
    expect(parseLocaleDecimal(text, 'fr')).toEqual(ok(value));
  });

  it.each([
    ['1,000', 'ambiguous'], // one in French, a thousand in English
    ['999,999', 'ambiguous'],
    ['60,000', 'ambiguous'],
    ['0.5', 'wrong-separator'], // a point is not the French decimal separator
    ['1.000', 'wrong-separator'],
    ['1 000', 'grouping'],
    ['1\u00a0000', 'grouping'], // no-break space, as Intl writes it in some browsers
    ['1\u202f000', 'grouping'], // narrow no-break space, as Intl.NumberFormat('fr') writes it
    ['1 000,5', 'grouping'],
    ['1.000,5', 'grouping'],
    ['1,000,000', 'grouping'],
    ['1,,5', 'grouping'],
    ["1'000", 'grouping'],
    ['1_000', 'grouping'],
    ['5,', 'incomplete'],
    [',', 'incomplete'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['-1', 'sign'],
    ['+1', 'sign'],
    ['−1', 'sign'], // the minus sign U+2212
    ['1e5', 'exponent'],
    ['1,5e3', 'exponent'],
    ['e', 'invalid'],
    ['abc', 'invalid'],
    ['1,5€', 'invalid'],
    ['١٢', 'invalid'], // Arabic-Indic digits
    ['１２', 'invalid'], // full-width digits
    ['0x10', 'invalid'],
    ['Infinity', 'invalid'],
    ['NaN', 'invalid'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseLocaleDecimal(text, 'fr')).toEqual(no(problem as NumberProblem));
  });
});

describe('parseLocaleDecimal: English', () => {
  it.each([
    ['0.5', '0.5'],
    ['.5', '0.5'],
    ['0.01', '0.01'],
    ['60000', '60000'],
    ['1.000', '1.000'], // a point is grouping in neither language: one
    ['1.005', '1.005'],
    ['60000.25', '60000.25'],
  ])('reads %j as %s', (text, value) => {
    expect(parseLocaleDecimal(text, 'en')).toEqual(ok(value));
  });

  it.each([
    ['1,000', 'ambiguous'], // a thousand in English, one in French
    ['60,000', 'ambiguous'],
    ['0,5', 'wrong-separator'],
    ['1,5', 'wrong-separator'],
    ['1,0000', 'wrong-separator'],
    ['1,000.5', 'grouping'],
    ['1,000,000', 'grouping'],
    ['1 000', 'grouping'],
    ['1..5', 'grouping'],
    ['5.', 'incomplete'],
    ['-0.5', 'sign'],
    ['1e-3', 'invalid'],
    ['2E3', 'exponent'],
    ['$5', 'invalid'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseLocaleDecimal(text, 'en')).toEqual(no(problem as NumberProblem));
  });
});

describe('parseLocaleDecimal: properties', () => {
  const locales: Locale[] = ['en', 'fr'];
  const plain = fc
    .tuple(fc.stringMatching(/^[0-9]{1,12}$/), fc.option(fc.stringMatching(/^[0-9]{1,12}$/)))
    .map(([w, f]) => (f === null ? w : `${w}.${f}`));

  it('a number written with the locale’s separator reads back digit for digit, or is refused as ambiguous', () => {
    fc.assert(
      fc.property(plain, fc.constantFrom(...locales), (value, locale) => {
        const typed = locale === 'fr' ? value.replace('.', ',') : value;
        const read = parseLocaleDecimal(typed, locale);
        if (read.ok) expect(read.value).toBe(value);
        else {
          expect(read.problem).toBe('ambiguous');
          expect(locale).toBe('fr');
        }
      }),
    );
  });

  it('never accepts a text holding a comma as anything but French decimals, and never a grouped number', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' ') }),
        fc.constantFrom(...locales),
        (text, locale) => {
          const read = parseLocaleDecimal(text, locale);
          if (!read.ok) return;
          // What was accepted is the text with only the locale's separator turned into a point (and a 0 before).
          const separators = text.trim().replace(/[0-9]/g, '');
          expect(separators.length).toBeLessThanOrEqual(1);
          if (separators !== '') expect(separators).toBe(locale === 'fr' ? ',' : '.');
          expect(Number(read.value)).toBe(Number(text.trim().replace(',', '.')));
        },
      ),
    );
  });
});

describe('numberProblemText', () => {
  it('names what to type, in the person’s language', () => {
    expect(numberProblemText('ambiguous', ' 1,000 ', translator('fr'))).toBe(
      '« 1,000 » peut se lire en milliers ou en décimales. Écrivez 1000 pour mille ; pour trois décimales, ajoutez un zéro (1,0050).',
    );
    expect(numberProblemText('ambiguous', '1,000', translator('en'))).toMatch(
      /^“1,000” could be read as thousands/,
    );
    expect(numberProblemText('wrong-separator', '0.5', translator('fr'))).toBe(
      'En français, les décimales prennent une virgule : 0,5 et non 0.5.',
    );
    expect(numberProblemText('wrong-separator', '0,5', translator('en'))).toBe(
      'Decimals take a point in English: 0.5, not 0,5.',
    );
  });

  it('has a message for every problem in both languages', () => {
    const problems: NumberProblem[] = [
      'empty',
      'grouping',
      'ambiguous',
      'wrong-separator',
      'incomplete',
      'sign',
      'exponent',
      'invalid',
    ];
    for (const locale of ['en', 'fr'] as const)
      for (const p of problems)
        expect(numberProblemText(p, '1', translator(locale))).not.toMatch(/[{}]|^number\./);
  });
});
