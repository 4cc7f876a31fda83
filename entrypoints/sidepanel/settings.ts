// The side panel's language and theme: the person's settings, read at open and again whenever they change
// (the options page writes storage.local; its onChanged reaches every extension page), so a panel left open
// follows a new language or theme at once.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Area, loadAreas } from '../../lib/i18n/areas.ts';
import { browserLanguages, type Locale, resolveLocale } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/schema.ts';
import { rememberedLocale, useLoadedLocale } from '../../lib/ui/locale.ts';
import { usePageTheme } from '../../lib/ui/theme.ts';

const languages = browserLanguages(browser.i18n);

/** Everything the panel shows: the chart, the ladder, the ticket and the trading panels. */
const AREAS: readonly Area[] = ['common', 'popup', 'trade', 'panel'];

// As the popup does (entrypoints/popup/main.tsx): the language the pages last spoke renders at once, its texts
// fetched as the module loads, while the settings are read; they win if they say another language. Waiting
// for the settings' round trip before fetching the texts, and only then mounting the chart (which asks for
// its candles), cost the panel's first paint about 50 ms (bench chart-first-paint, 2026-12-06).
const remembered = rememberedLocale();
const firstRead = request({ type: 'settings.get' });
void loadAreas(remembered ?? resolveLocale('auto', languages), AREAS).catch(() => {});

/** The panel's locale once its texts are loaded (null before: nothing is rendered in another language). */
export function usePanelSettings(): Locale | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    // Unreadable settings: the browser's language (an empty object is the default of every setting).
    // Only the newest read counts: the first one, started as the module loaded, may answer after a later one.
    let newest = 0;
    const apply = (reading: Promise<Settings>) => {
      const n = ++newest;
      void reading.then(
        (value) => n === newest && setSettings(value),
        () => n === newest && setSettings((s) => s ?? ({} as Settings)),
      );
    };
    const read = () => apply(request({ type: 'settings.get' }));
    apply(firstRead);
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  usePageTheme(settings?.theme);
  return useLoadedLocale(
    settings === null ? remembered : resolveLocale(settings.language ?? 'auto', languages),
    AREAS,
  );
}
