import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { browserLanguages, resolveLocale } from '../../lib/i18n/locales.ts';
import type { CommandName } from '../../lib/launch/commands.ts';
import { request } from '../../lib/messaging/client.ts';
import type { VaultView } from '../../lib/messaging/protocol.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { type AlertSettingsActions, AlertsSettings } from '../../lib/ui/AlertsSettings.tsx';
import { EndpointForm } from '../../lib/ui/EndpointForm.tsx';
import { LanguageSettings } from '../../lib/ui/LanguageSettings.tsx';
import { LocaleContext } from '../../lib/ui/locale.ts';
import { ShortcutsPanel, type ShortcutView } from '../../lib/ui/ShortcutsPanel.tsx';
import { type VaultActions, VaultPanel } from '../../lib/ui/vault/VaultPanel.tsx';

const vaultActions: VaultActions = {
  get: () => request({ type: 'vault.get' }),
  create: (passphrase) => request({ type: 'vault.create', passphrase }),
  unlock: (passphrase) => request({ type: 'vault.unlock', passphrase }),
  lock: () => request({ type: 'vault.lock' }),
  addKey: (key) => request({ type: 'vault.addKey', ...key }),
  removeKey: (id) => request({ type: 'vault.removeKey', id }),
  replaceKey: (id, key) => request({ type: 'vault.replaceKey', id, ...key }),
  setActive: (id) => request({ type: 'vault.setActive', id }),
  relabel: (id, label) => request({ type: 'vault.relabel', id, label }),
  reset: (confirm) => request({ type: 'vault.reset', confirm }),
  setAutoLock: (minutes) => request({ type: 'vault.setAutoLock', minutes }),
};

const languages = browserLanguages(browser.i18n);
const manifest = browser.runtime.getManifest() as { side_panel?: unknown; sidebar_action?: unknown };

/** Chrome has no API to open its shortcuts page but lets an extension page open it in a tab; Firefox 137+ does. */
function manageShortcuts(): void {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

async function readShortcuts(): Promise<ShortcutView[]> {
  const all = await browser.commands.getAll();
  return all.map((c) => ({ name: (c.name ?? '') as CommandName, shortcut: c.shortcut ?? '' }));
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [vault, setVault] = useState<VaultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shortcuts, setShortcuts] = useState<ShortcutView[] | null>(null);
  const alertActions: AlertSettingsActions = {
    exportJson: async () => (await request({ type: 'alerts.export' })).json,
    importJson: (json) => request({ type: 'alerts.import', json }),
    testNotification: async () => (await request({ type: 'alerts.testNotification' })).permission,
    setSound: async (on) => setSettings(await request({ type: 'settings.setAlertSound', on })),
  };
  useEffect(() => {
    request({ type: 'settings.get' }).then(setSettings, (e: unknown) => setError(String(e)));
    request({ type: 'vault.get' }).then(setVault, (e: unknown) => setError(String(e)));
    readShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);
  const locale = resolveLocale(settings?.language ?? 'auto', languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={locale}>
      <main>
        <h1>Trader for Kraken — Settings</h1>
        {error && <p class="error">{error}</p>}
        {vault && <VaultPanel view={vault} actions={vaultActions} onView={setVault} />}
        <AlertsSettings actions={alertActions} sound={settings?.alertSound ?? false} />
        {settings && (
          <LanguageSettings
            value={settings.language}
            browserLanguages={languages}
            onChange={async (language) => {
              setSettings(await request({ type: 'settings.setLanguage', language }));
            }}
          />
        )}
        <ShortcutsPanel
          shortcuts={shortcuts}
          hasSidePanel={Boolean(manifest.side_panel ?? manifest.sidebar_action)}
          onManage={manageShortcuts}
        />
        {settings && (
          <EndpointForm
            current={settings.endpoints}
            onSave={async (endpoints) => {
              setSettings(await request({ type: 'settings.setEndpoints', endpoints }));
            }}
          />
        )}
      </main>
    </LocaleContext.Provider>
  );
}
