// The production manifest stays minimal (DESIGN.md §8): this snapshot changes only on purpose.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/browser.ts';

/** Where extension pages and the worker may connect (wxt.config.ts; DESIGN.md §8). */
const CONNECT_SRC = [
  "'self'",
  'https://api.kraken.com',
  // Announced maintenance (lib/market/maintenance.ts): CORS-served public JSON, no host permission.
  'https://status.kraken.com',
  'wss://ws.kraken.com',
  'wss://ws-auth.kraken.com',
  'http://127.0.0.1:*',
  'ws://127.0.0.1:*',
  'http://localhost:*',
  'ws://localhost:*',
];

/** The keyboard shortcuts (lib/launch/commands.ts): the keys suggested at install, described from _locales. */
const COMMANDS = {
  _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdOpenPopup__' },
  'focus-ticket': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_cmdFocusTicket__' },
  'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdSidePanel__' },
};

describe('production manifest (.output/chrome-mv3, built by npm test)', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('asks for nothing beyond storage, alarms, notifications, offscreen (alert sound), sidePanel and Kraken hosts', () => {
    expect(manifest).toEqual({
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      version: '0.1.0',
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      // sidePanel: the side panel page (chart, book, ticket); WXT adds it with side_panel from entrypoints/sidepanel.
      permissions: ['storage', 'alarms', 'notifications', 'offscreen', 'sidePanel'],
      host_permissions: ['https://api.kraken.com/*', 'wss://ws.kraken.com/*', 'wss://ws-auth.kraken.com/*'],
      action: { default_title: 'Trader for Kraken', default_popup: 'popup.html' },
      commands: COMMANDS,
      omnibox: { keyword: 'kr' },
      externally_connectable: { ids: [], matches: [] },
      minimum_chrome_version: '116',
      content_security_policy: {
        extension_pages: `script-src 'self'; object-src 'none'; base-uri 'none'; connect-src ${CONNECT_SRC.join(' ')}`,
      },
      background: { service_worker: 'background.js' },
      options_ui: { open_in_tab: true, page: 'options.html' },
      side_panel: { default_path: 'sidepanel.html' },
    });
  });

  it('has no content scripts, web-accessible resources or external connections, and a strict CSP', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...sources] = d.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    // Scripts: our own only. No eval, no inline, no remote host anywhere in the scripts' directives.
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    // Connections: Kraken's hosts and this computer (any port) only; a wildcard only ever as a loopback port.
    expect(directives['connect-src']).toEqual(CONNECT_SRC);
    for (const source of directives['connect-src'] ?? []) {
      if (source.includes('*')) expect(source).toMatch(/^(http|ws):\/\/(127\.0\.0\.1|localhost):\*$/);
    }
    // A CSP host-source cannot name an IPv6 address (Chromium drops it as invalid): none is listed.
    expect(csp).not.toContain('[');
  });

  it('is named "Trader for Kraken", marked unofficial, in English and French', () => {
    const messages = (locale: string) =>
      JSON.parse(readFileSync(resolve(EXTENSION_DIR, `_locales/${locale}/messages.json`), 'utf8'));
    expect(messages('en').extName.message).toBe('Trader for Kraken');
    expect(messages('fr').extName.message).toBe('Trader for Kraken');
    expect(messages('en').extDescription.message).toMatch(/^Unofficial, not made by Kraken: /);
    expect(messages('fr').extDescription.message).toMatch(/^Non officiel, non conçu par Kraken : /);
  });

  it('ships real icons', () => {
    for (const size of [16, 32, 48, 128]) {
      const png = readFileSync(resolve(EXTENSION_DIR, `icon/${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });
});
