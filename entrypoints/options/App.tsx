// The options page, in the order a newcomer needs it (issue 19): the exchange, the vault, the API keys, alerts,
// sound; then language, theme and shortcuts. Diagnostics stay behind "Details".
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_AREAS } from '../../lib/i18n/areas.ts';
import { browserLanguages, resolveLocale } from '../../lib/i18n/locales.ts';
import type { CommandName } from '../../lib/launch/commands.ts';
import { request } from '../../lib/messaging/client.ts';
import type { VaultView } from '../../lib/messaging/protocol.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { type AlertSettingsActions, AlertsSettings, SoundSettings } from '../../lib/ui/AlertsSettings.tsx';
import { EndpointForm } from '../../lib/ui/EndpointForm.tsx';
import { errorText } from '../../lib/ui/error-text.ts';
import { LanguageSettings } from '../../lib/ui/LanguageSettings.tsx';
import { LocaleContext, useLoadedLocale, useT } from '../../lib/ui/locale.ts';
import { ShortcutsPanel, type ShortcutView } from '../../lib/ui/ShortcutsPanel.tsx';
import { ThemeSettings } from '../../lib/ui/ThemeSettings.tsx';
import { usePageTheme } from '../../lib/ui/theme.ts';
import { type VaultActions, VaultPanel } from '../../lib/ui/vault/VaultPanel.tsx';
import { Details } from './Details.tsx';

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

const alertActions: AlertSettingsActions = {
  exportJson: async () => (await request({ type: 'alerts.export' })).json,
  importJson: (json) => request({ type: 'alerts.import', json }),
  testNotification: async () => (await request({ type: 'alerts.testNotification' })).permission,
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
  const [error, setError] = useState<unknown>(null);
  const [shortcuts, setShortcuts] = useState<ShortcutView[] | null>(null);
  useEffect(() => {
    request({ type: 'settings.get' }).then(setSettings, setError);
    request({ type: 'vault.get' }).then(setVault, setError);
    readShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);
  // The options page shows every area (alerts, keys, shortcuts, the background's errors): all of its language,
  // once the settings said which (or could not be read: the browser's).
  const wanted =
    settings !== null || error !== null ? resolveLocale(settings?.language ?? 'auto', languages) : null;
  const locale = useLoadedLocale(wanted, ALL_AREAS);
  const { system } = usePageTheme(settings?.theme);
  const save = (change: Promise<Settings>) => change.then(setSettings);
  if (locale === null) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <Page
        settings={settings}
        vault={vault}
        error={error}
        shortcuts={shortcuts}
        systemTheme={system}
        onVault={setVault}
        onSave={save}
      />
    </LocaleContext.Provider>
  );
}

function Page(props: {
  settings: Settings | null;
  vault: VaultView | null;
  error: unknown;
  shortcuts: ShortcutView[] | null;
  systemTheme: 'light' | 'dark';
  onVault(view: VaultView): void;
  onSave(change: Promise<Settings>): Promise<void>;
}) {
  const { settings, vault, onSave } = props;
  const t = useT();
  useEffect(() => {
    document.title = t('options.title');
  }, [t]);
  return (
    <main>
      <h1>{t('options.title')}</h1>
      <p class="hint">{t('options.intro')}</p>
      {props.error !== null && (
        <p class="error" role="alert">
          {t('options.loadFailed', { reason: errorText(props.error, t) })}
        </p>
      )}
      {settings && (
        <EndpointForm
          current={settings.endpoints}
          onSave={(endpoints) => onSave(request({ type: 'settings.setEndpoints', endpoints }))}
        />
      )}
      {vault && <VaultPanel view={vault} actions={vaultActions} onView={props.onVault} />}
      <AlertsSettings actions={alertActions} />
      {settings && (
        <SoundSettings
          on={settings.alertSound}
          onChange={(on) => void onSave(request({ type: 'settings.setAlertSound', on }))}
        />
      )}
      {settings && (
        <LanguageSettings
          value={settings.language}
          browserLanguages={languages}
          onChange={(language) => onSave(request({ type: 'settings.setLanguage', language }))}
        />
      )}
      {settings && (
        <ThemeSettings
          value={settings.theme}
          systemTheme={props.systemTheme}
          onChange={(theme) => onSave(request({ type: 'settings.setTheme', theme }))}
        />
      )}
      <ShortcutsPanel
        shortcuts={props.shortcuts}
        hasSidePanel={Boolean(manifest.side_panel ?? manifest.sidebar_action)}
        onManage={manageShortcuts}
      />
      {vault && <Details refused={vault.refused} />}
    </main>
  );
}
