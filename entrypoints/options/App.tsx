import { useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { EndpointForm } from '../../lib/ui/EndpointForm.tsx';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    request({ type: 'settings.get' }).then(setSettings, (e: unknown) => setError(String(e)));
  }, []);
  return (
    <main>
      <h1>Kraken Trader — Settings</h1>
      {error && <p class="error">{error}</p>}
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
