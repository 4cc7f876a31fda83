// The side panel's language and theme: the person's settings, read at open and again whenever they change
// (the options page writes storage.local; its onChanged reaches every extension page), so a panel left open
// follows a new language or theme at once.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Area } from '../../lib/i18n/areas.ts';
import { browserLanguages, type Locale, resolveLocale } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/schema.ts';
import { useLoadedLocale } from '../../lib/ui/locale.ts';
import { usePageTheme } from '../../lib/ui/theme.ts';

const languages = browserLanguages(browser.i18n);

/** Everything the panel shows: the chart, the ladder, the ticket and the trading panels. */
const AREAS: readonly Area[] = ['common', 'popup', 'trade', 'panel'];

/** The panel's locale once its texts are loaded (null before: nothing is rendered in another language). */
export function usePanelSettings(): Locale | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    // Unreadable settings: the browser's language (an empty object is the default of every setting).
    const read = () =>
      void request({ type: 'settings.get' }).then(setSettings, () =>
        setSettings((s) => s ?? ({} as Settings)),
      );
    read();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  usePageTheme(settings?.theme);
  return useLoadedLocale(
    settings === null ? null : resolveLocale(settings.language ?? 'auto', languages),
    AREAS,
  );
}
