// The alert form, loaded when it is first opened: its code (and the number parsing it needs) stays out of the
// popup's JS at open (bench row popup-js, docs/design.md §7). Its texts are the popup's, already loaded, and
// why the background refused an alert (the `alertRules` area), loaded with it.
import type { ComponentProps } from 'preact';
import { loadAreas } from '../i18n/areas.ts';
import type { Locale } from '../i18n/locales.ts';
import type { AlertForm as Form } from './AlertForm.tsx';
import { useLazy } from './lazy.ts';
import { useLocale } from './locale.ts';

const load = (locale: Locale) =>
  Promise.all([import('./AlertForm.tsx'), loadAreas(locale, ['alertRules'])]).then(([m]) => m.AlertForm);

export function AlertForm(props: ComponentProps<typeof Form>) {
  const locale = useLocale();
  const Loaded = useLazy(() => load(locale));
  return Loaded ? <Loaded {...props} /> : null;
}
