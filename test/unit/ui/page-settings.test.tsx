// @vitest-environment happy-dom
// The popup's and the side panel's language from the settings (lib/ui/page-settings.ts): the language the pages
// last spoke at once, the settings winning when they say another, never a language nobody chose before the
// settings are read, and an open page following a change.
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAreas } from '../../../lib/i18n/areas.ts';
import type { Settings } from '../../../lib/settings/schema.ts';
import { LocaleContext, useT } from '../../../lib/ui/locale.ts';
import { pageSettings } from '../../../lib/ui/page-settings.ts';

// Every catalog is loaded for the unit tests (setup-i18n.ts), so what a page asks for is watched instead.
const asked = vi.hoisted(() => [] as [string, readonly string[]][]);
vi.mock('../../../lib/i18n/areas.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/i18n/areas.ts')>();
  return {
    ...real,
    loadAreas: (
      locale: Parameters<typeof real.loadAreas>[0],
      areas: Parameters<typeof real.loadAreas>[1],
    ) => {
      asked.push([locale, areas]);
      return real.loadAreas(locale, areas);
    },
  };
});

afterEach(cleanup);
beforeEach(() => localStorage.clear());

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** Settings reads the test answers one by one, and a storage.onChanged it fires. */
function harness() {
  const reads: { resolve(s: Settings): void; reject(e: unknown): void }[] = [];
  const listeners = new Set<Listener>();
  const usePage = pageSettings({
    areas: ['settings'],
    languages: ['en-US'],
    read: () => new Promise<Settings>((resolve, reject) => reads.push({ resolve, reject })),
    changes: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  });
  function Title() {
    return <h1>{useT()('language.title')}</h1>;
  }
  /** A lazy part's text (the Trade tab's): its area is loaded by the part, not by the page. */
  function Lazy() {
    return <p data-testid="lazy">{useT()('ticket.pair')}</p>;
  }
  function Page() {
    const locale = usePage();
    if (locale === null) return <p>nothing yet</p>;
    return (
      <LocaleContext.Provider value={locale}>
        <Title />
        <Lazy />
      </LocaleContext.Provider>
    );
  }
  const fire = () => {
    for (const l of listeners) l({ settings: {} }, 'local');
  };
  return { reads, Page, fire, listeners };
}
const settings = (language: 'fr' | 'en' | 'auto') => ({ language }) as unknown as Settings;
const heading = () => screen.getByRole('heading').textContent;

describe('a page’s language from the settings', () => {
  it('before any page has spoken, nothing renders until the settings say which language', async () => {
    const h = harness();
    render(<h.Page />);
    await act(async () => {});
    expect(screen.getByText('nothing yet')).toBeTruthy();
    await act(async () => h.reads[0]?.resolve(settings('fr')));
    await waitFor(() => expect(heading()).toBe('Langue'));
  });

  it('the language last spoken renders at once; settings that say another win', async () => {
    localStorage.setItem('trader.locale', 'fr');
    const h = harness();
    render(<h.Page />);
    await waitFor(() => expect(heading()).toBe('Langue'));
    await act(async () => h.reads[0]?.resolve(settings('en')));
    await waitFor(() => expect(heading()).toBe('Language'));
  });

  it('unreadable settings: the browser’s language', async () => {
    const h = harness();
    render(<h.Page />);
    await act(async () => h.reads[0]?.reject(new Error('no answer')));
    await waitFor(() => expect(heading()).toBe('Language'));
  });

  it('a change of language brings the texts of the lazy parts already loaded in the old one', async () => {
    const h = harness();
    render(<h.Page />);
    await act(async () => h.reads[0]?.resolve(settings('en')));
    await act(async () => loadAreas('en', ['trade'])); // the Trade tab opened, in English
    await waitFor(() => expect(screen.getByTestId('lazy').textContent).toBe('Pair'));
    h.fire();
    await act(async () => h.reads[1]?.resolve(settings('fr')));
    await waitFor(() => expect(heading()).toBe('Langue'));
    expect(screen.getByTestId('lazy').textContent).toBe('Paire');
    expect(asked.filter(([locale]) => locale === 'fr').flatMap(([, areas]) => areas)).toContain('trade');
  });

  it('follows a change of the settings; only the newest read counts', async () => {
    const h = harness();
    const { unmount } = render(<h.Page />);
    await act(async () => h.reads[0]?.resolve(settings('en')));
    await waitFor(() => expect(heading()).toBe('Language'));
    h.fire();
    h.fire();
    expect(h.reads).toHaveLength(3);
    await act(async () => h.reads[2]?.resolve(settings('fr')));
    await act(async () => h.reads[1]?.resolve(settings('en'))); // older, answered later: ignored
    await waitFor(() => expect(heading()).toBe('Langue'));
    expect(h.listeners.size).toBe(1);
    unmount();
    await waitFor(() => expect(h.listeners.size).toBe(0));
  });
});
