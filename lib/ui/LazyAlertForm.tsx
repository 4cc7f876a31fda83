// The alert form, loaded when it is first opened: its code (and the number parsing it needs) stays out of the
// popup's JS at open (bench row popup-js, docs/design.md §7). Its texts are the popup's, already loaded.
import type { ComponentProps } from 'preact';
import type { AlertForm as Form } from './AlertForm.tsx';
import { useLazy } from './lazy.ts';

const load = () => import('./AlertForm.tsx').then((m) => m.AlertForm);

export function AlertForm(props: ComponentProps<typeof Form>) {
  const Loaded = useLazy(load);
  return Loaded ? <Loaded {...props} /> : null;
}
