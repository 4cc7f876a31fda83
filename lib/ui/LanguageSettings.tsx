import { LANGUAGE_SETTINGS, type LanguageSetting, type Locale, resolveLocale } from '../i18n/locales.ts';
import { useT } from './locale.ts';
import { SettingSelect } from './SettingSelect.tsx';

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
  const name = (locale: Locale) => t(locale === 'fr' ? 'language.name.fr' : 'language.name.en');
  const label = (setting: LanguageSetting) =>
    setting === 'auto'
      ? t('language.auto', { language: name(resolveLocale('auto', browserLanguages)) })
      : name(setting);
  return (
    <SettingSelect
      name="language"
      title={t('language.title')}
      label={t('language.label')}
      value={value}
      choices={LANGUAGE_SETTINGS.map((s) => ({ value: s, label: label(s) }))}
      onChange={onChange}
    >
      <p class="hint">{t('language.pages')}</p>
    </SettingSelect>
  );
}
