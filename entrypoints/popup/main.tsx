import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLanguages } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import { LocaleContext, usePageLocale } from '../../lib/ui/locale.ts';
import { App } from './App.tsx';
import '../../lib/ui/theme.css';
import './style.css';

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);

function Root() {
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
