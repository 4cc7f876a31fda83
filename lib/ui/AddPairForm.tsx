import { useState } from 'preact/hooks';

/** Adds a pair to the watchlist; the background resolves and validates what was typed. */
export function AddPairForm({
  suggestions,
  onAdd,
}: {
  suggestions: string[];
  onAdd(symbol: string): Promise<void>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onAdd(text);
      setText('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="add-pair" onSubmit={submit}>
      <input
        data-testid="add-pair-input"
        list="pair-suggestions"
        placeholder="Add pair, e.g. ADA/USD"
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        aria-label="Pair to add"
      />
      <datalist id="pair-suggestions">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" disabled={busy}>
        Add
      </button>
      {error && (
        <p class="error" role="alert" data-testid="add-pair-error">
          {error}
        </p>
      )}
    </form>
  );
}
