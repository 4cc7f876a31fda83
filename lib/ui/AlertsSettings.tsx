import { useState } from 'preact/hooks';
import type { ImportResult } from '../alerts/service.ts';
import { alertRuleText } from './alert-rule-text.ts';
import { useT } from './locale.ts';

export interface AlertSettingsActions {
  exportJson(): Promise<string>;
  importJson(json: string): Promise<ImportResult>;
  testNotification(): Promise<string>;
}

/** Test notification, export and import of alerts (validated item by item in the background). */
export function AlertsSettings({ actions }: { actions: AlertSettingsActions }) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const test = async () => {
    const permission = await actions.testNotification().catch((e: unknown) => String(e));
    const said =
      permission === 'granted' ? t('alertsSettings.sent') : t('alertsSettings.notAllowed', { permission });
    setNotice(`${said} ${t('alertsSettings.blockedHint')}`);
  };
  const download = async () => {
    const json = await actions.exportJson();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'trader-for-kraken-alerts.json';
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
    <section class="alerts-settings" data-testid="alerts-settings" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alertsSettings.title')}</h2>
      <p class="hint">{t('alertsSettings.intro')}</p>
      <div class="row">
        <button type="button" onClick={test} data-testid="test-notification">
          {t('alertsSettings.test')}
        </button>
        <button type="button" onClick={download} data-testid="export-alerts">
          {t('alertsSettings.export')}
        </button>
        {/* A button of ours around the browser's file input: its own "Choose File / No file chosen" is in the
            browser's language, not the page's, and looks like no other control here. */}
        <label class="file-button">
          {t('alertsSettings.import')}
          <input
            type="file"
            class="sr-only"
            accept="application/json,.json"
            onChange={upload}
            data-testid="import-alerts"
          />
        </label>
      </div>
      {notice && (
        <p class="hint" role="status">
          {notice}
        </p>
      )}
      {result && (
        <div role="status" data-testid="import-result">
          <p>
            {t('alertsSettings.imported', { count: result.added })}
            {result.errors.length > 0 && ` ${t('alertsSettings.refused', { count: result.errors.length })}`}
          </p>
          <ul>
            {result.errors.map((e) => (
              <li key={`${e.index}-${e.field}`}>
                {e.index >= 0
                  ? t('alertRule.item', { n: e.index + 1, problem: alertRuleText(e.problem, t) })
                  : alertRuleText(e.problem, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The optional alert sound (Chrome's offscreen page plays it; Firefox has no such API). */
export function SoundSettings({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  const t = useT();
  return (
    <section class="sound-settings" data-testid="sound-settings" aria-labelledby="sound-title">
      <h2 id="sound-title">{t('sound.title')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
          data-testid="alert-sound"
        />{' '}
        {t('sound.label')}
      </label>
      <p class="hint">{t('sound.help')}</p>
    </section>
  );
}
