import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLanguages } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import { LocaleContext } from '../../lib/ui/locale.ts';
import { pageSettings } from '../../lib/ui/page-settings.ts';
import { App } from './App.tsx';
import '../../lib/ui/theme.css';
import './style.css';

// The popup's language and theme (lib/ui/page-settings.ts), its texts at open: the Trade tab and a chart load
// theirs with their code (App.tsx).
const usePopupSettings = pageSettings({
  areas: ['common', 'popup'],
  languages: browserLanguages(browser.i18n),
  read: () => request({ type: 'settings.get' }),
  changes: browser.storage.onChanged,
});

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);

function Root() {
  // Nothing is rendered before a language is known and its texts are loaded.
  const locale = usePopupSettings();
  if (locale === null) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>
  );
}
