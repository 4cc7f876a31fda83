// The Firefox production manifest, as the Chrome one (test/e2e/manifest.test.ts): it changes only on purpose.
// That Firefox loads it without a warning is checked in a real Firefox (extension.test.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_MIN_MAJOR } from '../../scripts/lib/firefox.ts';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/lib/firefox-browser.ts';

describe('Firefox production manifest (.output/firefox-mv3, built by npm test)', () => {
  const manifest = JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('asks for storage, alarms, notifications and Kraken hosts, with a real add-on id and Firefox 140+', () => {
    expect(manifest).toEqual({
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      version: '0.1.0',
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      permissions: ['storage', 'alarms', 'notifications'],
      host_permissions: ['https://api.kraken.com/*', 'wss://ws.kraken.com/*', 'wss://ws-auth.kraken.com/*'],
      action: { default_title: 'Trader for Kraken', default_popup: 'popup.html' },
      commands: {
        _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdOpenPopup__' },
        'focus-ticket': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_cmdFocusTicket__' },
        'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdSidePanel__' },
      },
      omnibox: { keyword: 'kr' },
      minimum_chrome_version: '116',
      // The same CSP as Chrome's (wxt.config.ts), connect-src included.
      content_security_policy: {
        extension_pages:
          "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https://api.kraken.com https://status.kraken.com wss://ws.kraken.com wss://ws-auth.kraken.com http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
      },
      browser_specific_settings: {
        gecko: {
          id: 'trader-for-kraken@kraken-trader-extension',
          strict_min_version: '140.0',
          // What leaves the browser, for Kraken only: the API key (authentication) and orders and balance
          // queries (financial). https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
          data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
      background: { scripts: ['background.js'] },
      options_ui: { open_in_tab: true, page: 'options.html' },
      // The side panel page as Firefox's sidebar (no permission needed there).
      sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Trader for Kraken' },
    });
  });

  it('has no key Firefox does not know (externally_connectable), and no offscreen permission', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.permissions).not.toContain('offscreen');
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('declares the Firefox the test driver insists on', () => {
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe(`${FIREFOX_MIN_MAJOR}.0`);
  });
});
