// Remove with undo: a removed pair is announced with an "Undo" that adds it back where it was (add, then move
// to its old place), for as long as the announcement stays (10 s).
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n/translate.ts';
import { errorText } from '../../lib/ui/error-text.ts';

const UNDO_MS = 10_000;

export interface WatchlistEdits {
  remove(symbol: string): Promise<unknown>;
  add(symbol: string): Promise<unknown>;
  move(symbol: string, index: number): Promise<unknown>;
}

/** `t`: the page's, to say why a remove or its undo failed. */
export function useUndoRemove(edits: WatchlistEdits, t: Translate) {
  const [removed, setRemoved] = useState<{ symbol: string; index: number; at: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!removed) return;
    const id = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(id);
  }, [removed?.at]);
  return {
    removed,
    error,
    remove(symbol: string, index: number): void {
      setError(null);
      edits.remove(symbol).then(
        () => setRemoved({ symbol, index, at: Date.now() }),
        (e: unknown) => setError(errorText(e, t)),
      );
    },
    restore(): void {
      if (!removed) return;
      const { symbol, index } = removed;
      setRemoved(null);
      edits
        .add(symbol)
        .then(() => edits.move(symbol, index))
        .catch((e: unknown) => setError(errorText(e, t)));
    },
  };
}
