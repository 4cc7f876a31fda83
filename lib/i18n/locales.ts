// Which languages the extension speaks, and which one a page uses: the person's choice in the options, or the
// browser's own language when they left it to the browser. Pure: the browser's language is passed in.

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
/** The setting: a language, or `auto` to follow the browser (the default). */
export type LanguageSetting = 'auto' | Locale;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', ...LOCALES];

export const isLanguageSetting = (value: unknown): value is LanguageSetting =>
  typeof value === 'string' && (LANGUAGE_SETTINGS as readonly string[]).includes(value);

/**
 * The locale a page speaks. `auto` takes the first of the browser's languages (its UI language first, as
 * `i18n.getUILanguage()` gives it: "fr", "fr-CA", "en-US") that we have, by its primary subtag; English when
 * none is ours. A language tag is case-insensitive (BCP 47), so "FR-fr" is French too.
 */
export function resolveLocale(setting: LanguageSetting, browserLanguages: readonly string[]): Locale {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const found = LOCALES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}

/** The part of the browser's i18n API the language choice reads (browser.i18n). */
export interface BrowserI18n {
  getMessage(name: 'uiLocale'): string;
  getUILanguage(): string;
}

/**
 * The browser's languages, most telling first: the one of ours the browser picked for this extension's
 * _locales (the `uiLocale` message, "en" or "fr": the browser's own fallback rules, so the pages speak the
 * language the manifest's name and description are shown in), then its UI language. Chromium on Linux, for
 * one, picks French messages under LANGUAGE=fr while getUILanguage() still says "en-US" when it ships no
 * French UI.
 */
export function browserLanguages(i18n: BrowserI18n): string[] {
  let picked = '';
  try {
    picked = i18n.getMessage('uiLocale');
  } catch {
    // No _locales (a test page): the UI language alone.
  }
  return [picked, i18n.getUILanguage()].filter((l) => l !== '');
}
