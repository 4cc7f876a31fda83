import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { browserLanguages } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import type { ThemeSetting } from '../../lib/settings/schema.ts';
import { LocaleContext, usePageLocale } from '../../lib/ui/locale.ts';
import { usePageTheme } from '../../lib/ui/theme.ts';
import { App } from './App.tsx';
import '../../lib/ui/theme.css';
import './style.css';

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);

function Root() {
  // The theme the options page set (system, light or dark), as the options page and side panel apply it.
  const [theme, setTheme] = useState<ThemeSetting | undefined>(undefined);
  useEffect(() => {
    request({ type: 'settings.get' }).then(
      (s) => setTheme(s.theme),
      () => {},
    );
  }, []);
  usePageTheme(theme);
  const locale = usePageLocale(
    async () => (await request({ type: 'settings.get' })).language,
    browserLanguages(browser.i18n),
  );
  return (
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>
  );
}
