import { useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client.ts';
import type { VaultView } from '../../lib/messaging/protocol.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { type AlertSettingsActions, AlertsSettings } from '../../lib/ui/AlertsSettings.tsx';
import { EndpointForm } from '../../lib/ui/EndpointForm.tsx';
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

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [vault, setVault] = useState<VaultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alertActions: AlertSettingsActions = {
    exportJson: async () => (await request({ type: 'alerts.export' })).json,
    importJson: (json) => request({ type: 'alerts.import', json }),
    testNotification: async () => (await request({ type: 'alerts.testNotification' })).permission,
    setSound: async (on) => setSettings(await request({ type: 'settings.setAlertSound', on })),
  };
  useEffect(() => {
    request({ type: 'settings.get' }).then(setSettings, (e: unknown) => setError(String(e)));
    request({ type: 'vault.get' }).then(setVault, (e: unknown) => setError(String(e)));
  }, []);
  return (
    <main>
      <h1>Kraken Trader — Settings</h1>
      {error && <p class="error">{error}</p>}
      {vault && <VaultPanel view={vault} actions={vaultActions} onView={setVault} />}
      <AlertsSettings actions={alertActions} sound={settings?.alertSound ?? false} />
      {settings && (
        <EndpointForm
          current={settings.endpoints}
          onSave={async (endpoints) => {
            setSettings(await request({ type: 'settings.setEndpoints', endpoints }));
          }}
        />
      )}
    </main>
  );
}
