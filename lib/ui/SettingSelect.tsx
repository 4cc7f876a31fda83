// One setting chosen in a <select> on the options page (language, theme): saved as soon as it changes, "Saved."
// once the background has it, and a failure said in the page's language (errorText), never as a raw message.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from './error-text.ts';
import { useT } from './locale.ts';

export function SettingSelect<V extends string>({
  name,
  title,
  label,
  value,
  choices,
  onChange,
  children,
}: {
  /** Names the section (`${name}-settings`), its title and the select (test ids too). */
  name: string;
  title: string;
  label: string;
  value: V;
  choices: readonly { value: V; label: string }[];
  onChange(value: V): Promise<void>;
  /** What follows the choice: a hint. */
  children?: ComponentChildren;
}) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section class={`${name}-settings`} data-testid={`${name}-settings`} aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`}>{title}</h2>
      <label>
        {label}{' '}
        <select
          value={value}
          data-testid={name}
          onChange={(e) => {
            setSaved(false);
            setError(null);
            onChange((e.target as HTMLSelectElement).value as V).then(
              () => setSaved(true),
              (err: unknown) => setError(errorText(err, t)),
            );
          }}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>{' '}
      {saved && <span class="ok">{t('language.saved')}</span>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}
