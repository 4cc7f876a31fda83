// Light or dark pages: the person's choice in the options, or the system's (prefers-color-scheme) while the
// setting says `system`. The page's <html> gets data-theme="light" or "dark" — always the resolved one, so a
// style sheet needs one selector per theme and never a media query of its own — and the matching
// color-scheme, so the browser's own parts (scroll bars, form controls) follow.
import { useEffect, useState } from 'preact/hooks';
import type { ThemeSetting } from '../settings/schema.ts';

export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export const resolveTheme = (setting: ThemeSetting, systemDark: boolean): Theme =>
  setting === 'system' ? (systemDark ? 'dark' : 'light') : setting;

/** Sets `theme` on a page's root element. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

const systemDark = (): boolean => (typeof matchMedia === 'function' ? matchMedia(DARK_QUERY).matches : true);

/**
 * The page's theme from the setting (undefined until the settings arrive: the system's), kept on <html> and
 * followed when the system switches while the page is open; and what the system's theme is now.
 */
export function usePageTheme(setting: ThemeSetting | undefined): { theme: Theme; system: Theme } {
  const [dark, setDark] = useState(systemDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const changed = () => setDark(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  const theme = resolveTheme(setting ?? 'system', dark);
  useEffect(() => applyTheme(document.documentElement, theme), [theme]);
  return { theme, system: dark ? 'dark' : 'light' };
}
