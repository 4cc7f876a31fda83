// The popup's side of a launch (a keyboard shortcut or the address bar opened it): asked for once when the
// popup opens, checked (parseLaunch), then applied when the pair it names is on the watchlist the popup shows
// (the background may have just added it).
import { useEffect, useState } from 'preact/hooks';
import { type Launch, parseLaunch } from '../launch/types.ts';

export function useLaunch(take: () => Promise<unknown>): Launch | null {
  const [launch, setLaunch] = useState<Launch | null>(null);
  useEffect(() => {
    take().then(
      (value) => setLaunch(parseLaunch(value)),
      () => {},
    );
  }, []);
  return launch;
}

/**
 * Focuses the first element matching `selector` once it can take focus: it may render later (the trading
 * account loads, the pair's rules arrive), so it is looked for every 50 ms for up to 5 s, once per `key`.
 */
export function useFocusWhenReady(selector: string, key: number | null): void {
  useEffect(() => {
    if (key === null) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const el = document.querySelector<HTMLInputElement>(selector);
      if (el && !el.disabled && el.offsetParent !== null) el.focus();
      if ((el && document.activeElement === el) || Date.now() - started > 5_000) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [key]);
}
