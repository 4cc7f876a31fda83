import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Kraken's production hosts are the only host permissions. The local simulator is reached as a plain
// web origin: it answers CORS preflights, and WebSocket connections need no host permission.
// See docs/design.md §8 (the production manifest stays minimal) and test/e2e/manifest.test.ts (snapshot).
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Kraken Trader',
    description: 'Live Kraken prices, price alerts and quick orders from the toolbar.',
    // offscreen (Chrome only; Firefox has no such API): the optional alert sound, see entrypoints/offscreen.
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['https://api.kraken.com/*', 'wss://ws.kraken.com/*', 'wss://ws-auth.kraken.com/*'],
    action: { default_title: 'Kraken Trader' },
    // No web page and no other extension may message us: present and empty (DESIGN.md §8).
    externally_connectable: { ids: [], matches: [] },
    // Chrome 116: WebSocket traffic keeps the service worker alive (our pings rely on it).
    minimum_chrome_version: '116',
    // Stated explicitly: our own scripts only, no eval, no remote code, no plugins; and connections to Kraken's
    // REST and WebSocket hosts and this computer (the simulator, any port) only — keys are bound to those
    // endpoints (lib/settings/endpoints.ts). No [::1]: a CSP host-source cannot name an IPv6 address.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https://api.kraken.com wss://ws.kraken.com wss://ws-auth.kraken.com http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kraken-trader@example.org',
              strict_min_version: '115.0',
              // We collect nothing; Firefox asks every new extension to say so.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
