// A page's texts, loaded by area and in its language only: each area of each language is a chunk of its own
// (import()), so the popup fetches neither the other language nor the options page's texts (its JS budget,
// docs/design.md §7: `popup-js`). The page waits for its areas before its first render (no English flash);
// a lazy part of a page (the Trade tab, a chart) loads its areas with its code.
// test/unit/i18n/page-areas.test.ts checks that every key a page's code names is in an area it loads.
import type { Locale } from './locales.ts';
import { addCatalog, type Catalog } from './translate.ts';

export type Area = 'common' | 'settings' | 'notify' | 'popup' | 'trade' | 'panel' | 'options' | 'alertRules';

const LOADERS: Readonly<Record<Area, Readonly<Record<Locale, () => Promise<Catalog>>>>> = {
  common: {
    en: () => import('./messages/common.en.ts').then((m) => m.commonEn),
    fr: () => import('./messages/common.fr.ts').then((m) => m.commonFr),
  },
  settings: {
    en: () => import('./messages/settings.en.ts').then((m) => m.settingsEn),
    fr: () => import('./messages/settings.fr.ts').then((m) => m.settingsFr),
  },
  notify: {
    en: () => import('./messages/notify.en.ts').then((m) => m.notifyEn),
    fr: () => import('./messages/notify.fr.ts').then((m) => m.notifyFr),
  },
  popup: {
    en: () => import('./messages/popup.en.ts').then((m) => m.popupEn),
    fr: () => import('./messages/popup.fr.ts').then((m) => m.popupFr),
  },
  // The Trade tab's texts and its ticket's problems (two files, to keep each short).
  trade: {
    en: () =>
      Promise.all([import('./messages/popup-trade.en.ts'), import('./messages/ticket-problems.en.ts')]).then(
        ([panel, problems]) => ({ ...panel.popupTradeEn, ...problems.ticketProblemsEn }),
      ),
    fr: () =>
      Promise.all([import('./messages/popup-trade.fr.ts'), import('./messages/ticket-problems.fr.ts')]).then(
        ([panel, problems]) => ({ ...panel.popupTradeFr, ...problems.ticketProblemsFr }),
      ),
  },
  panel: {
    en: () => import('./messages/panel.en.ts').then((m) => m.panelEn),
    fr: () => import('./messages/panel.fr.ts').then((m) => m.panelFr),
  },
  options: {
    en: () => import('./messages/options.en.ts').then((m) => m.optionsEn),
    fr: () => import('./messages/options.fr.ts').then((m) => m.optionsFr),
  },
  // Why the background refused an alert: loaded with the alert form (a lazy chunk) and by the options page.
  alertRules: {
    en: () => import('./messages/alert-rules.en.ts').then((m) => m.alertRulesEn),
    fr: () => import('./messages/alert-rules.fr.ts').then((m) => m.alertRulesFr),
  },
};

const done = new Map<string, Promise<void>>();

/** Loads the areas' texts in `locale` (each once per page); resolves when t() has them all. */
export function loadAreas(locale: Locale, areas: readonly Area[]): Promise<void> {
  return Promise.all(
    areas.map((area) => {
      const id = `${area}.${locale}`;
      let loading = done.get(id);
      if (!loading) {
        loading = LOADERS[area][locale]().then((catalog) => addCatalog(locale, catalog));
        // A failed load may be tried again (the next render asks again).
        loading.catch(() => done.delete(id));
        done.set(id, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

/**
 * Every area this page has asked for so far, in any language: the page's own and those its lazy parts loaded with
 * their code (the Trade tab, a chart, the alert form). A page that changes language loads them all again in the
 * new one; loading only its own left the Trade tab showing message keys after a switch to French.
 */
export function areasAsked(): Area[] {
  return [...new Set([...done.keys()].map((id) => id.slice(0, id.indexOf('.')) as Area))];
}

/** Every area, for a page that shows them all (the options page shows alerts, keys, shortcuts, errors). */
export const ALL_AREAS: readonly Area[] = [
  'common',
  'settings',
  'notify',
  'popup',
  'trade',
  'panel',
  'options',
  'alertRules',
];
