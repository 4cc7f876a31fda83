import { useState } from 'preact/hooks';
import { krakenTradeUrl, notShownText, SNOOZE_MS } from '../alerts/notification.ts';
import type { CrossRule } from '../alerts/rules.ts';
import type { AlertsView } from '../alerts/service.ts';
import { localeDecimal, numberProblemText, parseLocaleDecimal } from '../i18n/number-input.ts';
import { useLocale, useT } from './locale.ts';

export interface AlertActions {
  create(rule: Record<string, unknown>): Promise<unknown>;
  edit(id: string, changes: Record<string, unknown>): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  setPaused(id: string, paused: boolean): Promise<unknown>;
  /** Silent until `until` (ms): the popup's "Snooze 1 h", as the Chrome notification's button. */
  snooze(id: string, until: number): Promise<unknown>;
}

const STATUS: Record<string, string> = {
  armed: 'armed',
  'waiting-to-rearm': 'fired, waiting to re-arm',
  paused: 'paused',
  snoozed: 'snoozed',
  done: 'done',
};

/** The alert form, opened from a watchlist row with the level pre-filled: one more click creates it. */
export function AlertForm({
  symbol,
  price,
  actions,
  onClose,
  editing,
  direction: initialDirection = 'above',
}: {
  symbol: string;
  /** The level to start from, as plain decimal text ("97123.4"); shown the page's way ("97123,4" in French). */
  price: string;
  /** The direction to start from (the address bar's `kr alert btc < 90000`). */
  direction?: 'above' | 'below';
  actions: AlertActions;
  onClose(): void;
  /** An existing level alert to edit instead of creating a new one. */
  editing?: CrossRule;
}) {
  const locale = useLocale();
  const t = useT();
  const [direction, setDirection] = useState<'above' | 'below'>(editing?.direction ?? initialDirection);
  // Untouched, the level follows the page's language (which may settle after the form opens); typed, it is kept.
  // The level starts at the price when the form opened (a live price does not move it afterwards).
  const [initial] = useState(editing?.level ?? price);
  const [typed, setLevel] = useState<string | null>(null);
  const level = typed ?? localeDecimal(initial, locale);
  const [repeat, setRepeat] = useState<'once' | 'repeat'>(editing?.repeat.kind ?? 'once');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    // The page's decimal separator, never a guess: "1,000" is refused, not read as 1000 or as 1 (issue 20).
    const read = parseLocaleDecimal(level, locale);
    if (!read.ok) {
      setError(numberProblemText(read.problem, level, t));
      return;
    }
    try {
      const fields = {
        direction,
        level: read.value,
        repeat: repeat === 'once' ? { kind: 'once' } : { kind: 'repeat', cooldownMs: 5 * 60_000 },
      };
      if (editing) await actions.edit(editing.id, fields);
      else {
        await actions.create({
          kind: 'cross',
          symbol,
          rearmBand: '0',
          source: 'last',
          expiresAt: null,
          ...fields,
        });
      }
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form class="alert-form" onSubmit={submit} data-testid="alert-form">
      <b>{symbol}</b>
      <select
        value={direction}
        onChange={(e) => setDirection((e.target as HTMLSelectElement).value as 'above' | 'below')}
        aria-label="Direction"
        data-testid="alert-direction"
      >
        <option value="above">crosses above</option>
        <option value="below">crosses below</option>
      </select>
      <input
        value={level}
        onInput={(e) => setLevel((e.target as HTMLInputElement).value)}
        aria-label="Price level"
        data-testid="alert-level"
        inputMode="decimal"
      />
      <select
        value={repeat}
        onChange={(e) => setRepeat((e.target as HTMLSelectElement).value as 'once' | 'repeat')}
        aria-label="Repeat"
      >
        <option value="once">once</option>
        <option value="repeat">every crossing (5 min apart)</option>
      </select>
      <button type="submit" data-testid="alert-create">
        {editing ? 'Save alert' : 'Create alert'}
      </button>
      <button type="button" class="link" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p class="error" role="alert" data-testid="alert-error">
          {error}
        </p>
      )}
    </form>
  );
}

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
  const [editing, setEditing] = useState<string | null>(null);
  if (alerts.rules.length === 0 && alerts.log.length === 0) {
    return <p class="hint">No alerts yet: use 🔔 on a pair to create one.</p>;
  }
  return (
    <section class="alerts" data-testid="alerts">
      <h2>Alerts</h2>
      <ul>
        {alerts.rules.map(({ rule, description, status, fires }) => (
          <li
            key={rule.id}
            data-testid="alert-row"
            data-status={status}
            data-focused={focused === rule.symbol ? 'true' : undefined}
            class={focused === rule.symbol ? 'focused' : undefined}
          >
            <span>{description}</span>
            <span class="hint">
              {STATUS[status]}
              {fires > 0 ? ` · fired ${fires}×` : ''}
            </span>
            {rule.kind === 'cross' && (
              <button type="button" class="icon" onClick={() => setEditing(rule.id)} data-testid="alert-edit">
                Edit
              </button>
            )}
            <button type="button" class="icon" onClick={() => actions.setPaused(rule.id, !rule.paused)}>
              {rule.paused ? 'Resume' : 'Pause'}
            </button>
            {(status === 'armed' || status === 'waiting-to-rearm') && (
              <button
                type="button"
                class="icon"
                onClick={() => actions.snooze(rule.id, Date.now() + SNOOZE_MS)}
                data-testid="alert-snooze"
              >
                Snooze 1 h
              </button>
            )}
            <a
              class="icon"
              href={krakenTradeUrl(rule.symbol)}
              target="_blank"
              rel="noreferrer"
              data-testid="alert-open-kraken"
            >
              Open on Kraken
            </a>
            <button
              type="button"
              class="icon"
              aria-label={`Delete alert ${description}`}
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
        ))}
      </ul>
      {alerts.log.length > 0 && (
        <details data-testid="alert-log">
          <summary>
            Recent alerts ({alerts.log.length})
            {alerts.notifyFailures > 0 ? ` · ${alerts.notifyFailures} not shown as a notification` : ''}
          </summary>
          <ol>
            {alerts.log.map((e) => (
              <li key={`${e.ruleId}-${e.at}`} data-notified={e.notifyError ? 'false' : 'true'}>
                {e.text}
                {e.notifyError ? ` — fired, but ${notShownText(e.notifyError)}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
