// The side panel's language and theme: the person's settings, read at open and again whenever they change
// (the options page writes storage.local; its onChanged reaches every extension page), so a panel left open
// follows a new language or theme at once.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { browserLanguages, type Locale, resolveLocale } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/schema.ts';
import { usePageTheme } from '../../lib/ui/theme.ts';

const languages = browserLanguages(browser.i18n);

export function usePanelSettings(): Locale {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const read = () => void request({ type: 'settings.get' }).then(setSettings, () => {});
    read();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  usePageTheme(settings?.theme);
  const locale = resolveLocale(settings?.language ?? 'auto', languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return locale;
}
