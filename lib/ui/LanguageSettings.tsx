import { useState } from 'preact/hooks';
import { LANGUAGE_SETTINGS, type LanguageSetting, type Locale, resolveLocale } from '../i18n/locales.ts';
import { useT } from './locale.ts';

/** The language choice: the browser's (named as it resolves now) or English or French. */
export function LanguageSettings({
  value,
  browserLanguages,
  onChange,
}: {
  value: LanguageSetting;
  browserLanguages: readonly string[];
  onChange(language: LanguageSetting): Promise<void>;
}) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = (locale: Locale) => t(locale === 'fr' ? 'language.name.fr' : 'language.name.en');
  const label = (setting: LanguageSetting) =>
    setting === 'auto'
      ? t('language.auto', { language: name(resolveLocale('auto', browserLanguages)) })
      : name(setting);
  return (
    <section class="language" data-testid="language-settings">
      <h2>{t('language.title')}</h2>
      <label>
        {t('language.label')}{' '}
        <select
          value={value}
          data-testid="language"
          onChange={(e) => {
            setSaved(false);
            setError(null);
            onChange((e.target as HTMLSelectElement).value as LanguageSetting).then(
              () => setSaved(true),
              (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
            );
          }}
        >
          {LANGUAGE_SETTINGS.map((s) => (
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
      <p class="hint">{t('language.pages')}</p>
    </section>
  );
}
