import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Kraken's production hosts are the only host permissions. The local simulator is reached as a plain
// web origin: it answers CORS preflights, and WebSocket connections need no host permission.
// See DESIGN.md §8 (the production manifest stays minimal) and test/unit/manifest.test.ts (snapshot).
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Kraken Trader',
    description: 'Live Kraken prices, price alerts and quick orders from the toolbar.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://api.kraken.com/*', 'wss://ws.kraken.com/*', 'wss://ws-auth.kraken.com/*'],
    action: { default_title: 'Kraken Trader' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'kraken-trader@example.org', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
