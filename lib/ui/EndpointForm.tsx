import { useState } from 'preact/hooks';
import { customEndpoints, type Endpoints, KRAKEN_ENDPOINTS } from '../settings/schema.ts';

/** "Kraken" or "Local simulator (URL)": the same production build talks to either. */
export function EndpointForm({
  current,
  onSave,
}: {
  current: Endpoints;
  onSave(endpoints: Endpoints): Promise<void>;
}) {
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
      setMessage({ tone: 'ok', text: 'Saved. Prices now come from the new endpoint.' });
    } catch (e) {
      setMessage({ tone: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <form class="endpoints" onSubmit={submit}>
      <fieldset>
        <legend>Exchange endpoint</legend>
        <label>
          <input
            type="radio"
            name="kind"
            value="kraken"
            checked={kind === 'kraken'}
            onChange={() => setKind('kraken')}
            data-testid="endpoint-kraken"
          />{' '}
          Kraken{' '}
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
          Local simulator (URL)
        </label>
        {kind === 'custom' && (
          <div class="custom">
            <label>
              REST URL
              <input
                value={rest}
                onInput={(e) => setRest((e.target as HTMLInputElement).value)}
                data-testid="endpoint-rest"
                placeholder="http://127.0.0.1:8787"
              />
            </label>
            <label>
              WebSocket URL <span class="hint">(optional; defaults to the same host at /v2)</span>
              <input
                value={ws}
                onInput={(e) => setWs((e.target as HTMLInputElement).value)}
                data-testid="endpoint-ws"
                placeholder="ws://127.0.0.1:8787/v2"
              />
            </label>
            <p class="hint">
              Start one with <code>npm run sim -- --port 8787</code>; it prints its URLs on its first line.
            </p>
          </div>
        )}
      </fieldset>
      <button type="submit" data-testid="endpoint-save">
        Save
      </button>
      {message && (
        <p class={message.tone === 'ok' ? 'ok' : 'error'} role="status" data-testid="endpoint-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
