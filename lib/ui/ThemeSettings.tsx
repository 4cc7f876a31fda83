import { THEME_SETTINGS, type ThemeSetting } from '../settings/schema.ts';
import { useT } from './locale.ts';
import { SettingSelect } from './SettingSelect.tsx';
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
  const name = (theme: Theme) => (theme === 'light' ? t('theme.light') : t('theme.dark'));
  const label = (setting: ThemeSetting) =>
    setting === 'system' ? t('theme.system', { theme: name(systemTheme).toLowerCase() }) : name(setting);
  return (
    <SettingSelect
      name="theme"
      title={t('theme.title')}
      label={t('theme.label')}
      value={value}
      choices={THEME_SETTINGS.map((s) => ({ value: s, label: label(s) }))}
      onChange={onChange}
    >
      <p class="hint">{t('theme.help')}</p>
    </SettingSelect>
  );
}
