// @vitest-environment happy-dom
// Smaller parts of the options page: the endpoint's errors said in the page's language, the theme choice and
// what it puts on <html>.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../lib/i18n/translate.ts';
import { BackgroundUnreachable } from '../../../lib/messaging/errors.ts';
import { customEndpoints } from '../../../lib/settings/schema.ts';
import { EndpointForm, endpointErrorText } from '../../../lib/ui/EndpointForm.tsx';
import { LanguageSettings } from '../../../lib/ui/LanguageSettings.tsx';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import { ThemeSettings } from '../../../lib/ui/ThemeSettings.tsx';
import { applyTheme, resolveTheme } from '../../../lib/ui/theme.ts';

afterEach(cleanup);

const refusal = (rest: string, ws?: string) => {
  try {
    customEndpoints(rest, ws);
  } catch (e) {
    return e;
  }
  throw new Error(`${rest} was accepted`);
};

describe('endpoint errors in the page’s language', () => {
  const fr = translator('fr');
  const en = translator('en');
  it.each([
    [
      'http://10.0.0.5:8787',
      undefined,
      /^L’URL REST\u00a0: un point d’accès personnalisé doit être sur cet ordinateur.*«\u202f10\.0\.0\.5\u202f»/,
    ],
    ['not a url', undefined, /^«\u202fnot a url\u202f» n’est pas une URL/],
    ['ftp://127.0.0.1', undefined, /^L’URL REST doit commencer par http:\/\/ ou https:\/\/\.$/],
    [
      'http://127.0.0.1:8787',
      'http://127.0.0.1:8787',
      /^L’URL WebSocket doit commencer par ws:\/\/ ou wss:\/\/\.$/,
    ],
    ['http://user:pw@127.0.0.1:8787', undefined, /^L’URL REST ne doit contenir ni nom d’utilisateur/],
    ['http://[::1]:8787', undefined, /^L’URL REST\u00a0: les adresses IPv6/],
  ])('%s (ws %s), in French', (rest, ws, text) => {
    expect(endpointErrorText(refusal(rest, ws), fr)).toMatch(text);
  });

  it('in English, as the background would have said it', () => {
    expect(endpointErrorText(refusal('http://10.0.0.5:8787'), en)).toMatch(
      /^The REST URL: a custom endpoint must be on this computer \(127\.0\.0\.1 or localhost, any port\)/,
    );
  });

  it('the form shows the French refusal and saves nothing', async () => {
    const onSave = vi.fn(async () => {});
    render(
      <LocaleContext.Provider value="fr">
        <EndpointForm current={{ kind: 'kraken' }} onSave={onSave} />
      </LocaleContext.Provider>,
    );
    fireEvent.click(screen.getByTestId('endpoint-custom'));
    fireEvent.input(screen.getByTestId('endpoint-rest'), { target: { value: 'http://10.0.0.5:8787' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('endpoint-save'));
    });
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByTestId('endpoint-message').textContent).toMatch(/doit être sur cet ordinateur/);
    expect(screen.getByTestId('endpoint-message').dataset.tone).toBe('error');
  });
});

describe('the theme', () => {
  it('system follows the system; light and dark are kept', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('puts the resolved theme and its colour scheme on the root element', () => {
    const root = document.createElement('html');
    applyTheme(root, 'light');
    expect(root.dataset.theme).toBe('light');
    expect(root.style.colorScheme).toBe('light');
  });

  it('the choice names what “system” is now, and saves the choice', async () => {
    const onChange = vi.fn(async () => {});
    render(
      <LocaleContext.Provider value="fr">
        <ThemeSettings value="system" systemTheme="dark" onChange={onChange} />
      </LocaleContext.Provider>,
    );
    const options = [...screen.getByTestId('theme').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Celles du système (sombre)', 'Clair', 'Sombre']);
    await act(async () => {
      fireEvent.change(screen.getByTestId('theme'), { target: { value: 'light' } });
    });
    expect(onChange).toHaveBeenCalledWith('light');
  });

  it.each([
    ['language', () => <LanguageSettings value="auto" browserLanguages={['fr']} onChange={failing} />],
    ['theme', () => <ThemeSettings value="system" systemTheme="dark" onChange={failing} />],
  ])(
    'a %s that cannot be saved says why in the page’s language, not the raw message',
    async (name, select) => {
      render(<LocaleContext.Provider value="fr">{select()}</LocaleContext.Provider>);
      await act(async () => {
        fireEvent.change(screen.getByTestId(name), {
          target: { value: name === 'language' ? 'en' : 'dark' },
        });
      });
      const alert = screen.getByRole('alert').textContent ?? '';
      expect(alert).toBe(translator('fr')('error.unreachable'));
      expect(alert).not.toBe(new BackgroundUnreachable('closed').message);
      expect(screen.queryByText('Enregistré.')).toBeNull();
    },
  );
});

/** A save the background never answered. */
const failing = async (): Promise<void> => {
  throw new BackgroundUnreachable('closed');
};
