import { useEffect, useState } from 'preact/hooks';

/**
 * A module's export loaded on first need (a separate chunk the page does not fetch at open): null until it is
 * there. `load` is called once, the first time it is not null; the result is kept after that.
 */
export function useLazy<T>(load: (() => Promise<T>) | null): T | null {
  const [value, setValue] = useState<{ v: T } | null>(null);
  const wanted = load !== null;
  useEffect(() => {
    if (!load || value) return;
    let current = true;
    load().then((v) => current && setValue({ v }));
    return () => {
      current = false;
    };
  }, [wanted]);
  return value ? value.v : null;
}
