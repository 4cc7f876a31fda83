// What a person typed after `kr ` in the address bar, as a command. Pure and strict: numbers are read the
// way the person's language writes them (lib/i18n/number-input.ts), a word it does not know is an error with
// the syntax, never a guess. English and French verbs both work ("buy" / "achat"), whatever the language.
//
//   btc | btc/eur | xbtusd                    the pairs of a coin, or one pair
//   buy 0.01 btc [@|at|à] 60000               an order (without a price: at market)
//   sell 0.5 eth/eur
//   alert btc > 100000 | alert btc below 90k  an alert (> above, < below)

import type { Locale } from '../i18n/locales.ts';
import { type NumberProblem, parseLocaleDecimal } from '../i18n/number-input.ts';
import type { Side } from '../orders/types.ts';

export type OmniboxCommand =
  | { kind: 'help' }
  | { kind: 'market'; query: string }
  | { kind: 'order'; side: Side; amount: string; query: string; price: string | null }
  | { kind: 'alert'; query: string; direction: 'above' | 'below'; level: string }
  | { kind: 'invalid'; syntax: 'order' | 'alert' | 'unknown'; field: FieldProblem | null; text: string };

export interface FieldProblem {
  name: 'amount' | 'price' | 'level';
  problem: NumberProblem | 'zero';
  /** What was typed for it. */
  text: string;
}

/** Longer input is not a command (the address bar passes whatever was typed). */
export const MAX_INPUT = 120;

const SIDES: Readonly<Record<string, Side>> = {
  buy: 'buy',
  achat: 'buy',
  acheter: 'buy',
  achete: 'buy',
  achète: 'buy',
  sell: 'sell',
  vente: 'sell',
  vendre: 'sell',
  vends: 'sell',
};
const ALERT_WORDS = new Set(['alert', 'alerte']);
/** The direction and what follows it: "> 100000", "above 100000", "au-dessus de 100000", "sous 90000". */
const DIRECTION =
  /^(?:(>=?|above|over|au[ -]dessus(?: de)?)|(<=?|below|under|sous|en[ -]dessous(?: de)?))\s*(\S+)$/i;
const PRICE_WORDS = new Set(['@', 'at', 'à', 'a']);
/** A coin or a pair as Kraken spells them: "btc", "BTC/USD", "xbt-usd", "XBTUSD". */
const MARKET = /^[a-z0-9.]{1,16}([/_-][a-z0-9.]{1,16})?$/i;

// Object.hasOwn: "constructor" or "__proto__" typed as a verb is not one.
const lookup = <T>(table: Readonly<Record<string, T>>, word: string): T | undefined =>
  Object.hasOwn(table, word) ? table[word] : undefined;

type Read = { ok: true; value: string } | { ok: false; field: FieldProblem };

function positive(name: FieldProblem['name'], text: string, locale: Locale): Read {
  const read = parseLocaleDecimal(text, locale);
  if (!read.ok) return { ok: false, field: { name, problem: read.problem, text } };
  if (!/[1-9]/.test(read.value)) return { ok: false, field: { name, problem: 'zero', text } };
  return { ok: true, value: read.value };
}

/** Splits "btc>100000" and "btc >100000" as "btc > 100000". */
function words(text: string): string[] {
  return text
    .replace(/(>=|<=|[<>@])/g, ' $1 ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

function order(side: Side, rest: string[], text: string, locale: Locale): OmniboxCommand {
  const invalid = (field: FieldProblem | null = null): OmniboxCommand => ({
    kind: 'invalid',
    syntax: 'order',
    field,
    text,
  });
  const [amountText, query, ...tail] = rest;
  if (amountText === undefined || query === undefined || !MARKET.test(query)) return invalid();
  const amount = positive('amount', amountText, locale);
  if (!amount.ok) return invalid(amount.field);
  const priceWords = tail[0] !== undefined && PRICE_WORDS.has(tail[0].toLowerCase()) ? tail.slice(1) : tail;
  if (priceWords.length === 0) {
    if (tail.length > 0) return invalid(); // "buy 1 btc @" and nothing after
    return { kind: 'order', side, amount: amount.value, query, price: null };
  }
  if (priceWords.length > 1) return invalid();
  const price = positive('price', priceWords[0] ?? '', locale);
  if (!price.ok) return invalid(price.field);
  return { kind: 'order', side, amount: amount.value, query, price: price.value };
}

function alert(rest: string[], text: string, locale: Locale): OmniboxCommand {
  const invalid = (field: FieldProblem | null = null): OmniboxCommand => ({
    kind: 'invalid',
    syntax: 'alert',
    field,
    text,
  });
  const [query, ...tail] = rest;
  const m = DIRECTION.exec(tail.join(' '));
  if (query === undefined || !MARKET.test(query) || !m) return invalid();
  const level = positive('level', m[3] ?? '', locale);
  if (!level.ok) return invalid(level.field);
  return { kind: 'alert', query, direction: m[1] ? 'above' : 'below', level: level.value };
}

export function parseOmnibox(input: string, locale: Locale): OmniboxCommand {
  const text = input.trim();
  if (text === '') return { kind: 'help' };
  if (text.length > MAX_INPUT)
    return { kind: 'invalid', syntax: 'unknown', field: null, text: text.slice(0, 40) };
  const [first = '', ...rest] = words(text);
  const verb = first.toLowerCase();
  const side = lookup(SIDES, verb);
  if (side !== undefined) return order(side, rest, text, locale);
  if (ALERT_WORDS.has(verb)) return alert(rest, text, locale);
  if (rest.length === 0 && MARKET.test(first)) return { kind: 'market', query: first };
  return { kind: 'invalid', syntax: 'unknown', field: null, text };
}
