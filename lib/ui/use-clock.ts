import { useEffect, useState } from 'preact/hooks';

/** Now (ms), renewed every `everyMs`: for what changes with time alone (staleness, countdowns). */
export function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
