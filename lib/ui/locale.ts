// The page's language for components: a context the entrypoint provides, and t() for it. Components read
// it with useT(); the entrypoint decides it with usePageLocale (the setting, or the browser's language).
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { type LanguageSetting, type Locale, resolveLocale } from '../i18n/locales.ts';
import { type Translate, translator } from '../i18n/translate.ts';

export const LocaleContext = createContext<Locale>('en');

export const useLocale = (): Locale => useContext(LocaleContext);
export const useT = (): Translate => translator(useLocale());

/**
 * The page's locale: the browser's language at once, then the person's setting once read (and again after
 * each `version` bump, e.g. when the options page saved a new one). Also sets <html lang> for screen readers.
 */
export function usePageLocale(
  readSetting: () => Promise<LanguageSetting>,
  browserLanguages: readonly string[],
  version = 0,
): Locale {
  const [setting, setSetting] = useState<LanguageSetting>('auto');
  useEffect(() => {
    readSetting().then(setSetting, () => {});
  }, [version]);
  const locale = resolveLocale(setting, browserLanguages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return locale;
}
