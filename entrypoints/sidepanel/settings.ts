// The side panel's language and theme (lib/ui/page-settings.ts): everything the panel shows — the chart, the
// ladder, the ticket and the trading panels — has its texts in these areas.
import { browser } from 'wxt/browser';
import { browserLanguages } from '../../lib/i18n/locales.ts';
import { request } from '../../lib/messaging/client.ts';
import { pageSettings } from '../../lib/ui/page-settings.ts';

export const usePanelSettings = pageSettings({
  areas: ['common', 'popup', 'trade', 'panel'],
  languages: browserLanguages(browser.i18n),
  read: () => request({ type: 'settings.get' }),
  changes: browser.storage.onChanged,
});
