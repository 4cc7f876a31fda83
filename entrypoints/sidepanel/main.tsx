import { type FunctionComponent, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocaleContext } from '../../lib/ui/locale.ts';
import './early.ts';
import { usePanelSettings } from './settings.ts';
import '../../lib/ui/theme.css';
import '../../lib/ui/theme-pages.css';
import '../popup/style.css';
import './style.css';

// The app (the chart library, the ticket, the trading panels: most of the panel's JS) loads while early.ts has
// already asked for the candles and settings.ts for the settings and the texts, instead of before them.
const app = import('./App.tsx');

function Root() {
  const locale = usePanelSettings();
  const [App, setApp] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    void app.then((m) => setApp(() => m.App));
  }, []);
  if (locale === null || App === null) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>
  );
}

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<Root />, document.getElementById('app')!);
