// The typed t(): a key of the English catalog and exactly the placeholders its text names, checked by the type
// checker; the text in the page's locale, with the plural form Intl.PluralRules picks for {count}. Messages
// are plain TypeScript modules, so a page can speak a language the person chose in the options, not only the
// browser's (README, "Languages": why not browser.i18n). A page loads only its language's areas, before it
// renders (areas.ts: the popup's JS budget, docs/design.md §7); the background and the tests load them all
// (all.ts). Only types come from the catalogs here: this module holds no text.
import type { Locale } from './locales.ts';
import type { en } from './messages/en.ts';

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
export type Params<K extends MessageKey> = {
  [P in ParamsOf<English[K]>]: P extends 'count' ? number : string | number;
};
/** No second argument for a text without placeholders; all of them, and only them, otherwise. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<English[K]>] extends [never] ? [] : [params: Params<K>];

/** The keys whose text takes no placeholder (t(key) alone). */
export type PlainKey = { [K in MessageKey]: ArgsOf<K> extends [] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => string;

/**
 * A text to show, as data: a key and its placeholders. What the models return instead of a sentence (the
 * ticket's problems, an alert's description), so they hold no language; `say` writes it in the page's.
 */
export type Message = {
  [K in MessageKey]: ArgsOf<K> extends [] ? { key: K } : { key: K; params: Params<K> };
}[MessageKey];

/** A Message of `key` (typed like t()). */
export const msg = <K extends MessageKey>(key: K, ...args: ArgsOf<K>): Message =>
  (args.length === 0 ? { key } : { key, params: args[0] }) as Message;

/** A Message written with a page's t(). */
export const say = (t: Translate, m: Message): string =>
  (t as (key: MessageKey, params?: object) => string)(m.key, 'params' in m ? m.params : undefined);

export type Entry = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Catalog = Readonly<Partial<Record<MessageKey, Entry>>>;

/** The texts loaded so far, per locale (areas add to them). */
const loaded: Record<Locale, Partial<Record<MessageKey, Entry>>> = { en: {}, fr: {} };

/** Adds texts of a locale (an area's catalog). */
export function addCatalog(locale: Locale, catalog: Catalog): void {
  Object.assign(loaded[locale], catalog);
}

/** The texts of a locale loaded so far (the catalog tests read the whole of each through all.ts). */
export const loadedCatalog = (locale: Locale): Catalog => loaded[locale];

const cache = new Map<Locale, Translate>();

/**
 * The translator of a locale (one per locale, kept). It reads the texts loaded at the time of each call; a key
 * whose area is not loaded comes out as the key itself (test/unit/i18n/page-areas.test.ts keeps every page's
 * keys within the areas it loads).
 */
export function translator(locale: Locale): Translate {
  const known = cache.get(locale);
  if (known) return known;
  const catalog = loaded[locale];
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = ((key: MessageKey, params?: Record<string, string | number>) => {
    const entry = catalog[key];
    if (entry === undefined) return key;
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
