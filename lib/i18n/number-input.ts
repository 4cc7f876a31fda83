// What a person types in a number field, read the way their language writes numbers: "0,5" in French, "0.5"
// in English. It never guesses: a number that one reader would take for thousands and another for decimals is
// refused, and so is any grouping separator; nothing is dropped from the text to make it fit. The value comes
// back as plain decimal text ("0.5"), the form every exact-decimal function here takes.
import type { Locale } from './locales.ts';
import type { PlainKey, Translate } from './translate.ts';

/** Why a text is not a number in this locale. Each has a message that says what to type instead. */
export type NumberProblem =
  /** Nothing typed. */
  | 'empty'
  /** Two or more separators (1,000.5 / 1.000,5 / 1,000,000), or a space, apostrophe or underscore inside. */
  | 'grouping'
  /** "1,000": one separator before exactly three digits after a 1–3 digit whole part: thousands or decimals? */
  | 'ambiguous'
  /** The other language's decimal separator (0,5 in English, 0.5 in French). */
  | 'wrong-separator'
  /** A separator with nothing after it ("5,"). */
  | 'incomplete'
  | 'sign'
  | 'exponent'
  /** Anything else: letters, other scripts' digits, symbols. */
  | 'invalid';

export type NumberInput = { ok: true; value: string } | { ok: false; problem: NumberProblem };

/** The decimal separator each locale writes (CLDR, as Intl.NumberFormat gives it: en ".", fr ","). */
export const DECIMAL_SEPARATOR: Readonly<Record<Locale, '.' | ','>> = { en: '.', fr: ',' };

// Spaces of every kind (French groups with U+202F or U+00A0), apostrophes (Swiss 1'000) and underscores.
const GROUPING_MARK = /[\s\u00a0\u2009\u202f'’_]/;

/**
 * Reads `text` as a non-negative decimal number written the `locale`'s way. Only surrounding whitespace is
 * ignored. A leading separator is read as "0," (",5" → "0.5"); the digits are kept as typed.
 */
export function parseLocaleDecimal(text: string, locale: Locale): NumberInput {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'empty' };
  if (/^[-+−]/.test(t)) return { ok: false, problem: 'sign' };
  if (GROUPING_MARK.test(t)) return { ok: false, problem: 'grouping' };
  if (!/^[0-9.,eE]+$/.test(t)) return { ok: false, problem: 'invalid' };
  if (/[eE]/.test(t)) return { ok: false, problem: /^[0-9.,]+[eE][0-9]+$/.test(t) ? 'exponent' : 'invalid' };
  const separators = t.replace(/[0-9]/g, '');
  if (separators.length > 1) return { ok: false, problem: 'grouping' };
  if (separators === '') return { ok: true, value: t };
  const [whole = '', fraction = ''] = t.split(separators);
  if (fraction === '') return { ok: false, problem: 'incomplete' };
  // Thousands grouping puts exactly three digits after a separator that follows 1–3 digits not starting with
  // 0. With a comma that is English grouping ("1,000" = one thousand) and French decimals ("1,000" = one): the
  // same text, two numbers a thousand apart. A point is grouping in neither language: "1.000" is one in English.
  if (separators === ',' && /^[1-9][0-9]{0,2}$/.test(whole) && fraction.length === 3)
    return { ok: false, problem: 'ambiguous' };
  if (separators !== DECIMAL_SEPARATOR[locale]) return { ok: false, problem: 'wrong-separator' };
  return { ok: true, value: `${whole === '' ? '0' : whole}.${fraction}` };
}

/** Plain decimal text ("0.01") written the locale's way ("0,01" in French), digit for digit: what a field shows. */
export const localeDecimal = (value: string, locale: Locale): string =>
  value.replace('.', DECIMAL_SEPARATOR[locale]);

const MESSAGE: Readonly<Record<Exclude<NumberProblem, 'ambiguous'>, PlainKey>> = {
  empty: 'number.empty',
  grouping: 'number.grouping',
  'wrong-separator': 'number.wrongSeparator',
  incomplete: 'number.incomplete',
  sign: 'number.sign',
  exponent: 'number.exponent',
  invalid: 'number.invalid',
};

/** What to tell the person about `problem` in what they typed (`text`). */
export function numberProblemText(problem: NumberProblem, text: string, t: Translate): string {
  if (problem === 'ambiguous') return t('number.ambiguous', { text: text.trim() });
  return t(MESSAGE[problem]);
}
