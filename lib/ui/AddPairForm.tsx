import { useState } from 'preact/hooks';
import { errorText } from './error-text.ts';
import { useT } from './locale.ts';

/**
 * Adds a pair to the watchlist; the background resolves and validates what was typed. The example in the
 * field is a pair the endpoint really lists (the first suggestion), so the simulator never suggests one it lacks.
 */
export function AddPairForm({
  suggestions,
  onAdd,
}: {
  suggestions: string[];
  onAdd(symbol: string): Promise<void>;
}) {
  const t = useT();
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
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="add-pair" onSubmit={submit}>
      <input
        data-testid="add-pair-input"
        list="pair-suggestions"
        placeholder={
          suggestions[0] ? t('addPair.placeholder', { example: suggestions[0] }) : t('addPair.label')
        }
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        aria-label={t('addPair.label')}
        aria-describedby={error ? 'add-pair-error' : undefined}
      />
      <datalist id="pair-suggestions">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" class="primary" data-testid="add-pair-submit" disabled={busy}>
        {t('addPair.add')}
      </button>
      {error && (
        <p class="error" role="alert" id="add-pair-error" data-testid="add-pair-error">
          {error}
        </p>
      )}
    </form>
  );
}
