import { useEffect, useState } from 'preact/hooks';
import type { MarketSnapshot } from '../market/types.ts';
import { useLocale, useT } from './locale.ts';
import { describeConnection } from './market-model.ts';

/** Connection health with the age of the last tick, refreshed every second. */
export function StatusBar({ snapshot }: { snapshot: MarketSnapshot }) {
  const t = useT();
  useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const { tone, text } = describeConnection(snapshot, Math.max(now, snapshot.lastTickAt ?? 0), t);
  // The state is announced politely when it changes (not the age, which ticks every second).
  return (
    <>
      <span class="sr-only" role="status" aria-live="polite" data-testid="status-announce">
        {t(`status.announce.${snapshot.connection.kind}`)}
      </span>
      <div class={`status status-${tone}`} data-testid="status" data-state={snapshot.connection.kind}>
        <span class="dot" aria-hidden="true" />
        <span class="status-text">{text}</span>
        <span class="endpoint" title={t('status.endpointTitle')}>
          {snapshot.endpointLabel}
        </span>
      </div>
    </>
  );
}
