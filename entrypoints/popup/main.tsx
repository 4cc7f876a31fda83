import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Area, loadAreas } from '../../lib/i18n/areas.ts';
import { browserLanguages, resolveLocale } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { LocaleContext, useLoadedLocale } from '../../lib/ui/locale.ts';
import { usePageTheme } from '../../lib/ui/theme.ts';
import { App } from './App.tsx';
import '../../lib/ui/theme.css';
import './style.css';

/** The popup's texts at open; the Trade tab and a chart load theirs with their code (App.tsx). */
const AREAS: readonly Area[] = ['common', 'popup'];
const languages = browserLanguages(browser.i18n);

// The settings (language, theme) and, meanwhile, the browser language's texts: most people never change the
// language, so by the time the settings answer their texts are usually there (one round trip, not two).
const settings = request({ type: 'settings.get' });
void loadAreas(resolveLocale('auto', languages), AREAS).catch(() => {});

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);

function Root() {
  // Nothing is rendered before the person's language is known and its texts are loaded: no English flash.
  const [read, setRead] = useState<Settings | 'unreadable' | null>(null);
  useEffect(() => {
    settings.then(setRead, () => setRead('unreadable'));
  }, []);
  const known = read !== null && read !== 'unreadable' ? read : undefined;
  usePageTheme(known?.theme);
  const wanted = read === null ? null : resolveLocale(known?.language ?? 'auto', languages);
  const locale = useLoadedLocale(wanted, AREAS);
  if (locale === null) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>
  );
}
