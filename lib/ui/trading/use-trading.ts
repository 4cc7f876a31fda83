import { useEffect, useRef, useState } from 'preact/hooks';
import type { TradingView } from '../../trading/types.ts';

/**
 * The trading view: the streamed one when the background has pushed it, else asked for once with
 * `trading.get` (so the mode shows at once even if no `trading` event has arrived yet).
 */
export function useTradingView(
  streamed: TradingView | undefined,
  get: () => Promise<TradingView>,
  connected: boolean,
): TradingView | null {
  const [fetched, setFetched] = useState<TradingView | null>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (streamed || asked.current || !connected) return;
    asked.current = true;
    get().then(setFetched, () => {});
  }, [streamed, connected, get]);
  return streamed ?? fetched;
}
