import { useState } from 'preact/hooks';
import type { ImportResult } from '../alerts/service.ts';

export interface AlertSettingsActions {
  exportJson(): Promise<string>;
  importJson(json: string): Promise<ImportResult>;
  testNotification(): Promise<string>;
  setSound(on: boolean): Promise<void>;
}

const BLOCKED_HINT =
  'If nothing appeared, notifications are blocked for the browser: macOS — System Settings → Notifications → your browser; Windows — Settings → System → Notifications; Linux — your desktop’s notification settings. Also check that Do Not Disturb is off.';

/** Test notification, export and import of alerts (validated item by item in the background). */
export function AlertsSettings({ actions, sound }: { actions: AlertSettingsActions; sound: boolean }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const test = async () => {
    const permission = await actions.testNotification().catch((e: unknown) => String(e));
    setNotice(
      permission === 'granted'
        ? `Sent a test notification. ${BLOCKED_HINT}`
        : `Notifications are not allowed (${permission}). ${BLOCKED_HINT}`,
    );
  };
  const download = async () => {
    const json = await actions.exportJson();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'kraken-trader-alerts.json';
    a.click();
    URL.revokeObjectURL(url);
  };
  const upload = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setResult(await actions.importJson(await file.text()));
    (event.target as HTMLInputElement).value = '';
  };

  return (
    <section class="alerts-settings" data-testid="alerts-settings">
      <h2>Alerts</h2>
      <p class="hint">
        Create alerts from the popup (🔔 on a pair). Here you can test delivery and move alerts between
        browsers.
      </p>
      <div class="row">
        <button type="button" onClick={test} data-testid="test-notification">
          Send a test notification
        </button>
        <button type="button" onClick={download} data-testid="export-alerts">
          Export alerts
        </button>
        <label class="file">
          Import alerts…{' '}
          <input type="file" accept="application/json,.json" onChange={upload} data-testid="import-alerts" />
        </label>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => void actions.setSound((e.target as HTMLInputElement).checked)}
          data-testid="alert-sound"
        />{' '}
        Play a sound with each alert (Chrome; the notification itself follows your system’s sound settings)
      </label>
      {notice && (
        <p class="hint" role="status">
          {notice}
        </p>
      )}
      {result && (
        <div role="status" data-testid="import-result">
          <p>
            Imported {result.added} alert{result.added === 1 ? '' : 's'}
            {result.errors.length ? `; ${result.errors.length} refused:` : '.'}
          </p>
          <ul>
            {result.errors.map((e) => (
              <li key={`${e.index}-${e.field}`}>
                {e.index >= 0 ? `#${e.index + 1} ` : ''}
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
