import { useEffect, useState } from 'preact/hooks';
import type { StreamEvent } from '../messaging/protocol.ts';
import { applyStreamEvent, type MarketView } from './market-model.ts';

/** Subscribes to the background's market stream for the component's lifetime. */
export function useMarket(open: (onEvent: (e: StreamEvent) => void, signal: AbortSignal) => void) {
  const [view, setView] = useState<MarketView | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    open((event) => setView((v) => applyStreamEvent(v, event)), controller.signal);
    return () => controller.abort();
  }, [open]);
  return view;
}
