// The typed t(): a key of the English catalog and exactly the placeholders its text names, checked by the type
// checker; the text in the page's locale, with the plural form Intl.PluralRules picks for {count}. Messages
// are plain TypeScript modules bundled with each page, so a page can speak a language the person chose in
// the options, not only the browser's (README, "Languages": why not browser.i18n).
import type { Locale } from './locales.ts';
import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';

type English = typeof en;
export type MessageKey = keyof English;

/** The names between braces in a text: "{side} {amount}" → "side" | "amount". */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
type ParamsOf<V> = V extends string
  ? Placeholders<V>
  : V extends { one: infer One extends string; other: infer Other extends string }
    ? Placeholders<One> | Placeholders<Other> | 'count'
    : never;
type Params<K extends MessageKey> = {
  [P in ParamsOf<English[K]>]: P extends 'count' ? number : string | number;
};
/** No second argument for a text without placeholders; all of them, and only them, otherwise. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<English[K]>] extends [never] ? [] : [params: Params<K>];

/** The keys whose text takes no placeholder (t(key) alone). */
export type PlainKey = { [K in MessageKey]: ArgsOf<K> extends [] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => string;

type Entry = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, Entry>>>> = { en, fr };

const cache = new Map<Locale, Translate>();

/** The translator of a locale (one per locale, kept). */
export function translator(locale: Locale): Translate {
  const known = cache.get(locale);
  if (known) return known;
  const catalog = CATALOGS[locale];
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = ((key: MessageKey, params?: Record<string, string | number>) => {
    const entry = catalog[key];
    const count = params?.count;
    const text =
      typeof entry === 'string'
        ? entry
        : (entry[plural.select(typeof count === 'number' ? count : Number.NaN)] ?? entry.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params !== undefined && Object.hasOwn(params, name) ? params[name] : undefined;
      if (value === undefined) return whole;
      // Numbers are written the locale's way (1,000 / 1 000); decimals that are money come formatted already.
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  }) as Translate;
  cache.set(locale, t);
  return t;
}
