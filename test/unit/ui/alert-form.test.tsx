// @vitest-environment happy-dom
// The alert form reads a level the page's way: "0,5" in French is 0.5 (it used to drop every comma, making
// it 5), "1,000" is refused in either language rather than read as 1000 or 1, and a pre-filled level is shown
// with the page's decimal separator.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { AlertForm } from '../../../lib/ui/AlertForm.tsx';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import { alertActions } from '../../support/alert-actions.ts';

afterEach(cleanup);

function form(locale: Locale, price: string, direction?: 'above' | 'below') {
  const actions = alertActions();
  const onClose = vi.fn();
  render(
    <LocaleContext.Provider value={locale}>
      <AlertForm
        symbol="DOGE/USD"
        price={price}
        actions={actions}
        onClose={onClose}
        {...(direction ? { direction } : {})}
      />
    </LocaleContext.Provider>,
  );
  const level = screen.getByTestId('alert-level') as HTMLInputElement;
  const create = () => fireEvent.click(screen.getByTestId('alert-create'));
  return { actions, onClose, level, create };
}

describe('the alert form’s level', () => {
  it('shows a pre-filled level the French way and creates it exactly', async () => {
    const f = form('fr', '0.18123', 'below');
    expect(f.level.value).toBe('0,18123');
    expect((screen.getByTestId('alert-direction') as HTMLSelectElement).value).toBe('below');
    f.create();
    await waitFor(() => expect(f.actions.create).toHaveBeenCalledTimes(1));
    expect(f.actions.create.mock.calls[0]?.[0]).toMatchObject({ level: '0.18123', direction: 'below' });
  });

  it('follows the page’s language until typed in (the language may settle after the form opens)', async () => {
    const actions = alertActions();
    const at = (locale: Locale, price = '0.5') => (
      <LocaleContext.Provider value={locale}>
        <AlertForm symbol="DOGE/USD" price={price} actions={actions} onClose={() => {}} />
      </LocaleContext.Provider>
    );
    const { rerender } = render(at('en'));
    const level = screen.getByTestId('alert-level') as HTMLInputElement;
    expect(level.value).toBe('0.5');
    rerender(at('fr', '0.51')); // a new tick does not move the level the form opened with
    expect(level.value).toBe('0,5');
    fireEvent.input(level, { target: { value: '0,75' } });
    rerender(at('en'));
    expect(level.value).toBe('0,75'); // typed text is never rewritten
  });

  it.each<[Locale, string, string]>([
    ['fr', '0,5', '0.5'],
    ['en', '0.5', '0.5'],
    ['fr', '100000', '100000'],
  ])('%s: %j creates an alert at %s', async (locale, typed, level) => {
    const f = form(locale, '');
    fireEvent.input(f.level, { target: { value: typed } });
    f.create();
    await waitFor(() => expect(f.actions.create).toHaveBeenCalledTimes(1));
    expect(f.actions.create.mock.calls[0]?.[0]).toMatchObject({ level });
  });

  it.each<[Locale, string, RegExp]>([
    ['en', '1,000', /^“1,000” could be read as thousands or as decimals\./],
    ['fr', '1,000', /^« 1,000 » peut se lire en milliers ou en décimales\./],
    ['en', '0,5', /^Decimals take a point in English: 0\.5, not 0,5\.$/],
    ['fr', '0.5', /^En français, les décimales prennent une virgule/],
    ['fr', '100 000', /^Écrivez le nombre sans séparateur de milliers/],
  ])('%s: %j is refused with a message, nothing created', async (locale, typed, message) => {
    const f = form(locale, '');
    fireEvent.input(f.level, { target: { value: typed } });
    f.create();
    await waitFor(() => expect(screen.getByTestId('alert-error').textContent).toMatch(message));
    expect(f.actions.create).not.toHaveBeenCalled();
    expect(f.onClose).not.toHaveBeenCalled();
  });
});

describe('every alert kind the engine supports', () => {
  it('a % move within a window, repeating with a cooldown, with an expiry, on the mid price', async () => {
    const f = form('fr', '0.18');
    fireEvent.change(screen.getByTestId('alert-kind'), { target: { value: 'move' } });
    fireEvent.input(screen.getByTestId('alert-percent'), { target: { value: '2,5' } });
    fireEvent.change(screen.getByTestId('alert-window'), { target: { value: '60' } });
    fireEvent.change(screen.getByTestId('alert-source'), { target: { value: 'mid' } });
    fireEvent.change(screen.getByTestId('alert-repeat'), { target: { value: 'repeat' } });
    fireEvent.input(screen.getByTestId('alert-cooldown'), { target: { value: '10' } });
    const at = new Date(Date.now() + 86_400_000);
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T12:00`;
    fireEvent.input(screen.getByTestId('alert-expiry'), { target: { value: local } });
    f.create();
    await waitFor(() => expect(f.actions.create).toHaveBeenCalledTimes(1));
    expect(f.actions.create.mock.calls[0]?.[0]).toEqual({
      symbol: 'DOGE/USD',
      kind: 'move',
      percent: 2.5,
      windowMs: 3_600_000,
      source: 'mid',
      expiresAt: new Date(local).getTime(),
      repeat: { kind: 'repeat', cooldownMs: 600_000 },
    });
  });

  it('a level cross with a re-arm band, read the page’s way', async () => {
    const f = form('fr', '0.18');
    fireEvent.input(screen.getByTestId('alert-band'), { target: { value: '0,005' } });
    f.create();
    await waitFor(() => expect(f.actions.create).toHaveBeenCalledTimes(1));
    expect(f.actions.create.mock.calls[0]?.[0]).toMatchObject({
      kind: 'cross',
      level: '0.18',
      rearmBand: '0.005',
    });
  });

  it('Esc closes the form', () => {
    const f = form('en', '0.18');
    fireEvent.keyDown(screen.getByTestId('alert-level'), { key: 'Escape' });
    expect(f.onClose).toHaveBeenCalledTimes(1);
  });
});
