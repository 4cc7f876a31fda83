import { render } from 'preact';
import { LocaleContext } from '../../lib/ui/locale.ts';
import { App } from './App.tsx';
import { usePanelSettings } from './settings.ts';
import '../../lib/ui/theme.css';
import '../../lib/ui/theme-pages.css';
import '../popup/style.css';
import './style.css';

function Root() {
  const locale = usePanelSettings();
  if (locale === null) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>
  );
}

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);
