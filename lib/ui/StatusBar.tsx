import { useEffect, useState } from 'preact/hooks';
import type { MarketSnapshot } from '../market/types.ts';
import { describeConnection } from './market-model.ts';

/** Connection health with the age of the last tick, refreshed every second. */
export function StatusBar({ snapshot }: { snapshot: MarketSnapshot }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const { tone, text } = describeConnection(snapshot, Math.max(now, snapshot.lastTickAt ?? 0));
  return (
    <div class={`status status-${tone}`} data-testid="status" data-state={snapshot.connection.kind}>
      <span class="dot" aria-hidden="true" />
      <span class="status-text">{text}</span>
      <span class="endpoint" title="Where prices come from (change it in Settings)">
        {snapshot.endpointLabel}
      </span>
    </div>
  );
}
