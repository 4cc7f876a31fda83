import { useState } from 'preact/hooks';
import { krakenTradeUrl, notShownText, SNOOZE_MS } from '../alerts/notification.ts';
import type { AlertsView } from '../alerts/service.ts';
import type { PlainKey } from '../i18n/translate.ts';
import type { AlertActions } from './AlertForm.tsx';
import { alertDescription, alertLogLine } from './alert-text.ts';
import { AlertForm } from './LazyAlertForm.tsx';
import { useLocale, useT } from './locale.ts';

export type { AlertActions };

const STATUS: Record<string, PlainKey> = {
  armed: 'alerts.status.armed',
  'waiting-to-rearm': 'alerts.status.waiting',
  paused: 'alerts.status.paused',
  snoozed: 'alerts.status.snoozed',
  done: 'alerts.status.done',
};

export { AlertForm } from './LazyAlertForm.tsx';

/**
 * The alerts and their log. "Snooze 1 h" and "Open on Kraken" sit on each row, so they are reachable where a
 * notification has no buttons (Firefox): a click on it opens the popup with the pair's rows highlighted.
 */
export function AlertsPanel({
  alerts,
  actions,
  focused = null,
}: {
  alerts: AlertsView;
  actions: AlertActions;
  /** The pair whose alert notification was just clicked (focusedPair()). */
  focused?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  if (alerts.rules.length === 0 && alerts.log.length === 0) {
    return <p class="hint">{t('alerts.none')}</p>;
  }
  return (
    <section class="alerts" data-testid="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      <ul>
        {alerts.rules.map(({ rule, status, fires }) => {
          const description = alertDescription(rule, t, locale);
          return (
            <li
              key={rule.id}
              data-testid="alert-row"
              data-status={status}
              data-focused={focused === rule.symbol ? 'true' : undefined}
              class={focused === rule.symbol ? 'focused' : undefined}
            >
              <span>{description}</span>
              <span class="hint">
                {STATUS[status] ? t(STATUS[status]) : status}
                {fires > 0 ? ` · ${t('alerts.fired', { n: fires })}` : ''}
              </span>
              {rule.kind === 'cross' && (
                <button
                  type="button"
                  class="icon"
                  onClick={() => setEditing(rule.id)}
                  data-testid="alert-edit"
                  aria-label={t('alerts.editLabel', { alert: description })}
                >
                  {t('alerts.edit')}
                </button>
              )}
              <button
                type="button"
                class="icon"
                aria-label={t(rule.paused ? 'alerts.resumeLabel' : 'alerts.pauseLabel', {
                  alert: description,
                })}
                onClick={() => actions.setPaused(rule.id, !rule.paused)}
              >
                {rule.paused ? t('alerts.resume') : t('alerts.pause')}
              </button>
              {(status === 'armed' || status === 'waiting-to-rearm') && (
                <button
                  type="button"
                  class="icon"
                  onClick={() => actions.snooze(rule.id, Date.now() + SNOOZE_MS)}
                  data-testid="alert-snooze"
                >
                  {t('alerts.snooze')}
                </button>
              )}
              <a
                class="icon"
                href={krakenTradeUrl(rule.symbol)}
                target="_blank"
                rel="noreferrer"
                data-testid="alert-open-kraken"
              >
                {t('alerts.openKraken')}
              </a>
              <button
                type="button"
                class="icon"
                aria-label={t('alerts.deleteLabel', { alert: description })}
                onClick={() => actions.remove(rule.id)}
              >
                ×
              </button>
              {editing === rule.id && rule.kind === 'cross' && (
                <AlertForm
                  symbol={rule.symbol}
                  price={rule.level}
                  actions={actions}
                  editing={rule}
                  onClose={() => setEditing(null)}
                />
              )}
            </li>
          );
        })}
      </ul>
      {alerts.log.length > 0 && (
        <details data-testid="alert-log">
          <summary>
            {t('alerts.recent', { n: alerts.log.length })}
            {alerts.notifyFailures > 0 ? ` · ${t('alerts.notShown', { n: alerts.notifyFailures })}` : ''}
          </summary>
          <ol>
            {alerts.log.map((e) => (
              <li key={`${e.ruleId}-${e.at}`} data-notified={e.notifyError ? 'false' : 'true'}>
                {alertLogLine(e, alerts.rules.find((r) => r.rule.id === e.ruleId)?.rule, t, locale)}
                {e.notifyError ? ` — ${t('alerts.firedBut', { reason: notShownText(e.notifyError) })}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
