import { useState } from 'preact/hooks';
import { THEME_SETTINGS, type ThemeSetting } from '../settings/schema.ts';
import { errorText } from './error-text.ts';
import { useT } from './locale.ts';
import type { Theme } from './theme.ts';

/** Light, dark, or the system's (named as it resolves now). */
export function ThemeSettings({
  value,
  systemTheme,
  onChange,
}: {
  value: ThemeSetting;
  /** What `system` gives now. */
  systemTheme: Theme;
  onChange(theme: ThemeSetting): Promise<void>;
}) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = (theme: Theme) => (theme === 'light' ? t('theme.light') : t('theme.dark'));
  const label = (setting: ThemeSetting) =>
    setting === 'system' ? t('theme.system', { theme: name(systemTheme).toLowerCase() }) : name(setting);
  return (
    <section class="theme-settings" data-testid="theme-settings" aria-labelledby="theme-title">
      <h2 id="theme-title">{t('theme.title')}</h2>
      <label>
        {t('theme.label')}{' '}
        <select
          value={value}
          data-testid="theme"
          onChange={(e) => {
            setSaved(false);
            setError(null);
            onChange((e.target as HTMLSelectElement).value as ThemeSetting).then(
              () => setSaved(true),
              (err: unknown) => setError(errorText(err, t)),
            );
          }}
        >
          {THEME_SETTINGS.map((s) => (
            <option key={s} value={s}>
              {label(s)}
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
      <p class="hint">{t('theme.help')}</p>
    </section>
  );
}
