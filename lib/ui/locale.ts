// The page's language for components: a context the entrypoint provides, and t() for it. Components read
// it with useT(); the entrypoint decides the locale (the setting, or the browser's language) and renders only
// once its texts are loaded (useLoadedLocale), so a page never shows English before French.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { type Area, areasAsked, loadAreas } from '../i18n/areas.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { type Translate, translator } from '../i18n/translate.ts';

export const LocaleContext = createContext<Locale>('en');

export const useLocale = (): Locale => useContext(LocaleContext);
export const useT = (): Translate => translator(useLocale());

/** Where a page leaves the language it last spoke (the extension's own origin: every page of it reads it). */
const REMEMBERED = 'trader.locale';

/**
 * The language the extension's pages last spoke, read at once (localStorage is synchronous): the popup renders in
 * it without waiting for the settings' round trip. Only a hint: the setting decides, and a page that resolves
 * another language switches to it and leaves it here. Null when none was left (or storage is unavailable).
 */
export function rememberedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(REMEMBERED);
    return LOCALES.find((l) => l === value) ?? null;
  } catch {
    return null;
  }
}

function remember(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(REMEMBERED, locale);
  } catch {
    // No storage (a test page): nothing to remember; the next open waits for the settings.
  }
}

/**
 * The locale whose `areas` are loaded: null until the first `wanted` locale's are, then the newest wanted one
 * whose are (a page switching language keeps the old one until the new texts are there). Also sets
 * <html lang> for screen readers.
 */
export function useLoadedLocale(wanted: Locale | null, areas: readonly Area[]): Locale | null {
  const [shown, setShown] = useState<Locale | null>(null);
  useEffect(() => {
    if (wanted === null) return;
    let current = true;
    // A chunk of the extension's own package that fails to load: show the page anyway (keys, not a blank).
    const show = () => current && setShown(wanted);
    // The page's areas and any a lazy part of it loaded meanwhile, all in the language about to be shown.
    loadAreas(wanted, [...new Set([...areas, ...areasAsked()])]).then(show, show);
    return () => {
      current = false;
    };
  }, [wanted]);
  useEffect(() => {
    if (!shown) return;
    document.documentElement.lang = shown;
    remember(shown);
  }, [shown]);
  return shown;
}
