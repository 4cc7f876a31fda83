// @vitest-environment happy-dom
// A page renders only once its language's texts are loaded, and leaves the language it spoke for the popup's
// next open (which then renders at once in it, without waiting for the settings).
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { LocaleContext, rememberedLocale, useLoadedLocale, useT } from '../../../lib/ui/locale.ts';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function Title() {
  return <h1>{useT()('language.title')}</h1>;
}

function Page({ wanted }: { wanted: Locale | null }) {
  const locale = useLoadedLocale(wanted, ['settings']);
  if (locale === null) return <p>nothing yet</p>;
  return (
    <LocaleContext.Provider value={locale}>
      <Title />
    </LocaleContext.Provider>
  );
}

describe('the page’s language', () => {
  it('renders nothing before a language is known, then speaks it and remembers it', async () => {
    const { rerender } = render(<Page wanted={null} />);
    expect(screen.getByText('nothing yet')).toBeTruthy();
    expect(rememberedLocale()).toBeNull();
    rerender(<Page wanted="fr" />);
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Langue'));
    await waitFor(() => expect(rememberedLocale()).toBe('fr'));
    expect(document.documentElement.lang).toBe('fr');
    rerender(<Page wanted="en" />);
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Language'));
    await waitFor(() => expect(rememberedLocale()).toBe('en'));
  });

  it('ignores what is not one of our languages', () => {
    localStorage.setItem('trader.locale', 'de');
    expect(rememberedLocale()).toBeNull();
    localStorage.setItem('trader.locale', 'fr');
    expect(rememberedLocale()).toBe('fr');
  });
});
