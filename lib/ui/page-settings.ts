// A page's language and theme from the person's settings (popup, side panel): the language the pages last
// spoke (lib/ui/locale.ts rememberedLocale) renders at once, its texts fetched as the page's module loads,
// while the settings are read; they win if they say another language. Before any page has spoken, nothing
// renders until the settings are read (the browser language's texts fetched meanwhile): never a flash of a
// language the person did not choose. Waiting for the settings before fetching the texts cost the side panel's
// first paint about 50 ms (bench chart-first-paint, 2026-12-06). Read again whenever the settings change (the
// options page writes storage.local; its onChanged reaches every extension page), so an open page follows.
import { useEffect, useState } from 'preact/hooks';
import { type Area, loadAreas } from '../i18n/areas.ts';
import { type Locale, resolveLocale } from '../i18n/locales.ts';
import { SETTINGS_KEY, type Settings } from '../settings/schema.ts';
import { rememberedLocale, useLoadedLocale } from './locale.ts';
import { usePageTheme } from './theme.ts';

export interface PageSettingsDeps {
  /** The texts the page shows. */
  areas: readonly Area[];
  /** The browser's languages, best first (browserLanguages). */
  languages: readonly string[];
  /** The background's settings.get. */
  read(): Promise<Settings>;
  /** storage.onChanged. */
  changes: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

/**
 * Starts, as the page's module loads, the settings' first read and the texts of the language likely to be
 * shown; returns the page's hook: its locale once its texts are loaded (null before), its theme applied.
 */
export function pageSettings(deps: PageSettingsDeps): () => Locale | null {
  const remembered = rememberedLocale();
  const firstRead = deps.read();
  void loadAreas(remembered ?? resolveLocale('auto', deps.languages), deps.areas).catch(() => {});
  return function usePageSettings(): Locale | null {
    const [settings, setSettings] = useState<Settings | null>(null);
    useEffect(() => {
      // Unreadable settings: the browser's language (an empty object is the default of every setting). Only
      // the newest read counts: the first one, started as the module loaded, may answer after a later one.
      let newest = 0;
      const apply = (reading: Promise<Settings>) => {
        const n = ++newest;
        void reading.then(
          (value) => n === newest && setSettings(value),
          () => n === newest && setSettings((s) => s ?? ({} as Settings)),
        );
      };
      apply(firstRead);
      const changed = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && SETTINGS_KEY in changes) apply(deps.read());
      };
      deps.changes.addListener(changed);
      return () => deps.changes.removeListener(changed);
    }, []);
    usePageTheme(settings?.theme);
    return useLoadedLocale(
      settings === null ? remembered : resolveLocale(settings.language ?? 'auto', deps.languages),
      deps.areas,
    );
  };
}
