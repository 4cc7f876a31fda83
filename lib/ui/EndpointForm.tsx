import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/translate.ts';
import { customEndpoints, type Endpoints, KRAKEN_ENDPOINTS, SettingsError } from '../settings/schema.ts';
import { errorText } from './error-text.ts';
import { useT } from './locale.ts';
import { rich } from './rich.ts';

/** The field a URL problem is about, in the page's language (SettingsError names it in English). */
function fieldName(field: string, t: Translate): string {
  if (field === 'WebSocket URL') return t('endpoint.field.ws');
  if (field === 'Private WebSocket URL') return t('endpoint.field.wsPrivate');
  return t('endpoint.field.rest');
}

/** What is wrong with a typed URL, said in the page's language; any other failure as it came. */
export function endpointErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof SettingsError) || !error.problem) return errorText(error, t);
  const field = fieldName(error.field, t);
  const problem = error.problem;
  switch (problem.kind) {
    case 'not-url':
      return t('endpoint.error.notUrl', { text: problem.text });
    case 'scheme': {
      const [first = '', second] = problem.schemes;
      const schemes = second ? t('endpoint.error.or', { first, second }) : first;
      return t('endpoint.error.scheme', { field, schemes });
    }
    case 'credentials':
      return t('endpoint.error.credentials', { field });
    case 'ipv6':
      return t('endpoint.error.ipv6', { field });
    case 'not-local':
      return t('endpoint.error.notLocal', { field, host: problem.host });
    default: {
      const never: never = problem;
      return String(never);
    }
  }
}

/** "Kraken" or "Local simulator (URL)": the same production build talks to either. */
export function EndpointForm({
  current,
  onSave,
}: {
  current: Endpoints;
  onSave(endpoints: Endpoints): Promise<void>;
}) {
  const t = useT();
  const [kind, setKind] = useState<Endpoints['kind']>(current.kind);
  const [rest, setRest] = useState(current.kind === 'custom' ? current.rest : 'http://127.0.0.1:8787');
  const [ws, setWs] = useState(current.kind === 'custom' ? current.wsPublic : '');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    try {
      const endpoints = kind === 'kraken' ? ({ kind: 'kraken' } as const) : customEndpoints(rest, ws);
      await onSave(endpoints);
      setMessage({ tone: 'ok', text: t('endpoint.saved') });
    } catch (e) {
      setMessage({ tone: 'error', text: endpointErrorText(e, t) });
    }
  };

  return (
    <section class="endpoints-section" aria-labelledby="endpoint-title">
      <h2 id="endpoint-title">{t('endpoint.title')}</h2>
      <p class="hint">{t('endpoint.intro')}</p>
      <form class="endpoints" onSubmit={submit}>
        <fieldset>
          <legend>{t('endpoint.legend')}</legend>
          <label>
            <input
              type="radio"
              name="kind"
              value="kraken"
              checked={kind === 'kraken'}
              onChange={() => setKind('kraken')}
              data-testid="endpoint-kraken"
            />{' '}
            {t('endpoint.kraken')}{' '}
            <span class="hint">
              ({KRAKEN_ENDPOINTS.rest}, {KRAKEN_ENDPOINTS.wsPublic})
            </span>
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              value="custom"
              checked={kind === 'custom'}
              onChange={() => setKind('custom')}
              data-testid="endpoint-custom"
            />{' '}
            {t('endpoint.custom')}
          </label>
          {kind === 'custom' && (
            <div class="custom">
              <label>
                {t('endpoint.rest')}
                <input
                  value={rest}
                  onInput={(e) => setRest((e.target as HTMLInputElement).value)}
                  data-testid="endpoint-rest"
                  placeholder="http://127.0.0.1:8787"
                />
              </label>
              <label>
                <span>
                  {t('endpoint.ws')} <span class="hint">{t('endpoint.wsOptional')}</span>
                </span>
                <input
                  value={ws}
                  onInput={(e) => setWs((e.target as HTMLInputElement).value)}
                  data-testid="endpoint-ws"
                  placeholder="ws://127.0.0.1:8787/v2"
                />
              </label>
              <p class="hint">
                {rich(t, 'endpoint.simHint', { command: <code>npm run sim -- --port 8787</code> })}
              </p>
            </div>
          )}
        </fieldset>
        <button type="submit" class="primary" data-testid="endpoint-save">
          {t('endpoint.save')}
        </button>
        {message && (
          <p
            class={message.tone === 'ok' ? 'ok' : 'error'}
            role="status"
            data-testid="endpoint-message"
            data-tone={message.tone}
          >
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
