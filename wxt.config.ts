import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { manifestCommands, OMNIBOX_KEYWORD } from './lib/launch/commands.ts';

// Kraken's production hosts are the only host permissions. The local simulator is reached as a plain
// web origin: it answers CORS preflights, and WebSocket connections need no host permission.
// See docs/design.md §8 (the production manifest stays minimal) and test/e2e/manifest.test.ts (snapshot).
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip`: the Chrome zip, the Firefox zip and, for Firefox's reviewers, the sources zip (WXT writes it
  // with the Firefox one) — everything the build reads, nothing this machine made (docs/store.md).
  zip: {
    artifactTemplate: 'trader-for-kraken-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'trader-for-kraken-{{version}}-sources.zip',
    excludeSources: ['artifacts/**', 'coverage/**', 'test-results/**', 'bench/results.json', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    // "Trader for Kraken", marked unofficial in the description, in English and French (public/_locales): a
    // name that uses Kraken's mark only to say what it works with, as stores and Kraken's trademark guidance
    // ask of third-party tools (docs/store.md).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // offscreen (Chrome only; Firefox has no such API): the optional alert sound, see entrypoints/offscreen.
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['https://api.kraken.com/*', 'wss://ws.kraken.com/*', 'wss://ws-auth.kraken.com/*'],
    // The action's title is the popup's <title> (WXT): "Trader for Kraken", the same in every language.
    // Keyboard shortcuts and the address bar keyword (lib/launch/commands.ts; handled in
    // entrypoints/background/launch.ts). Neither needs a permission.
    commands: manifestCommands(),
    omnibox: { keyword: OMNIBOX_KEYWORD },
    // No web page and no other extension may message us: present and empty (DESIGN.md §8). Not for Firefox:
    // it has no such key ("Warning processing externally_connectable: An unexpected property was found" on
    // every load); there only other extensions can message us, through runtime.onMessageExternal, to which
    // we register no listener (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/externally_connectable).
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [], matches: [] } }),
    // Chrome 116: WebSocket traffic keeps the service worker alive (our pings rely on it).
    minimum_chrome_version: '116',
    // Stated explicitly: our own scripts only, no eval, no remote code, no plugins; and connections to Kraken's
    // REST and WebSocket hosts and this computer (the simulator, any port) only — keys are bound to those
    // endpoints (lib/settings/endpoints.ts). No [::1]: a CSP host-source cannot name an IPv6 address.
    // status.kraken.com: announced maintenance (lib/market/maintenance.ts), Statuspage's public JSON, made to be
    // read across origins (CORS is refused only on private and trial pages:
    // https://support.atlassian.com/statuspage/docs/what-are-the-different-apis-under-statuspage); no host permission (one added later would disable the extension on update until
    // the person accepted it). Were it ever refused, the Trade tab says "unknown" (README, permissions).
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https://api.kraken.com https://status.kraken.com wss://ws.kraken.com wss://ws-auth.kraken.com http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Permanent once published (AMO ties reviews, updates and users to it). Email-like, as MDN's
              // browser_specific_settings.gecko.id asks; the part after @ is this project's package name,
              // not a domain: we own none, and Kraken's would claim an endorsement we do not have.
              id: 'trader-for-kraken@kraken-trader-extension',
              // 140 (ESR 140) is the oldest Firefox that reads data_collection_permissions; everything else
              // the build uses is older: MV3 event pages and `action` 109, storage.session 115,
              // AbortSignal.any 124. https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/browser_specific_settings
              strict_min_version: '140.0',
              // What leaves the browser, in Firefox's data categories (required since November 2025 for new
              // add-ons; Firefox 140+ shows it at install): the API key and its signatures go to Kraken
              // (authenticationInfo: credentials of an account-based service), and so do the orders, cancels and
              // balance and trade queries made with it (financialAndPaymentInfo: transactions, financial
              // statements). Nothing goes to us or anyone else; no analytics (PRIVACY.md, docs/store.md).
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 (web-ext lint:
            // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION); desktop from 140.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
