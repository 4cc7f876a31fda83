// @vitest-environment happy-dom
// The popup's and the side panel's language from the settings (lib/ui/page-settings.ts): the language the pages
// last spoke at once, the settings winning when they say another, never a language nobody chose before the
// settings are read, and an open page following a change.
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../lib/settings/schema.ts';
import { LocaleContext, useT } from '../../../lib/ui/locale.ts';
import { pageSettings } from '../../../lib/ui/page-settings.ts';

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
  function Page() {
    const locale = usePage();
    if (locale === null) return <p>nothing yet</p>;
    return (
      <LocaleContext.Provider value={locale}>
        <Title />
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
