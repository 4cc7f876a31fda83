import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Area, loadAreas } from '../../lib/i18n/areas.ts';
import { browserLanguages, resolveLocale } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { LocaleContext, rememberedLocale, useLoadedLocale } from '../../lib/ui/locale.ts';
import { usePageTheme } from '../../lib/ui/theme.ts';
import { App } from './App.tsx';
import '../../lib/ui/theme.css';
import './style.css';

/** The popup's texts at open; the Trade tab and a chart load theirs with their code (App.tsx). */
const AREAS: readonly Area[] = ['common', 'popup'];
const languages = browserLanguages(browser.i18n);

// The language the pages last spoke (any page leaves it: lib/ui/locale.ts) renders at once, its texts fetched
// now; the settings (language, theme) are read meanwhile and win if they say another language. Before any page
// has spoken, nothing renders until the settings are read (the browser language's texts are fetched meanwhile):
// never a flash of a language the person did not choose.
const remembered = rememberedLocale();
const settings = request({ type: 'settings.get' });
void loadAreas(remembered ?? resolveLocale('auto', languages), AREAS).catch(() => {});

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);

function Root() {
  // Nothing is rendered before a language is known and its texts are loaded.
  const [read, setRead] = useState<Settings | 'unreadable' | null>(null);
  useEffect(() => {
    settings.then(setRead, () => setRead('unreadable'));
  }, []);
  const known = read !== null && read !== 'unreadable' ? read : undefined;
  usePageTheme(known?.theme);
  const wanted = read === null ? remembered : resolveLocale(known?.language ?? 'auto', languages);
  const locale = useLoadedLocale(wanted, AREAS);
  if (locale === null) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>
  );
}
