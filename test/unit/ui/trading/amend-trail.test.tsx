// @vitest-environment happy-dom
// A trailing stop's offset amended from open orders: the form shows it with its unit (% or the quote currency),
// checks it as typed, and sends it as an offset, never as a price. On the order path: every case here fails
// without the trailing field (lib/ui/trading/Amend.tsx).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TradingUnavailable } from '../../../../lib/trading/errors.ts';
import { LocaleContext } from '../../../../lib/ui/locale.ts';
import { AmendForm, amendable, changeOf, trailProblem } from '../../../../lib/ui/trading/Amend.tsx';
import { order } from './fixtures.ts';

afterEach(cleanup);

const trailing = order({
  type: 'trailing-stop',
  side: 'sell',
  volume: '0.01000000',
  limitPrice: undefined,
  triggerPrice: '87400.0',
  trailOffset: { value: '5', unit: 'percent' },
});
const typed = { volume: '0.01', limitPrice: '', triggerPrice: '87400.0' };

describe('amending a trailing stop’s offset', () => {
  it('offers the offset (not the trigger, which follows the market) until it triggers', () => {
    expect(amendable(trailing)).toEqual({ limitPrice: false, triggerPrice: false, trailOffset: true });
    expect(amendable({ ...trailing, triggered: true }).trailOffset).toBe(false);
    expect(amendable(order({ limitPrice: '45000.0' })).trailOffset).toBe(false);
  });

  it('sends the new offset with its unit, and only when it changed; read the page’s way', () => {
    expect(changeOf(trailing, { ...typed, trail: '2', trailUnit: 'percent' })).toEqual({
      trailOffset: { value: '2', unit: 'percent' },
    });
    expect(changeOf(trailing, { ...typed, trail: '5', trailUnit: 'quote' })).toEqual({
      trailOffset: { value: '5', unit: 'quote' },
    });
    expect(
      changeOf(trailing, { ...typed, volume: '0,01', trail: '1,5', trailUnit: 'percent' }, 'fr'),
    ).toEqual({
      trailOffset: { value: '1.5', unit: 'percent' },
    });
    expect(changeOf(trailing, { ...typed, trail: '5.0', trailUnit: 'percent' })).toBe(
      'Nothing changed: type a new amount or price.',
    );
  });

  it('checks the offset as its own field: above zero; in percent below 100 with at most 2 decimals', () => {
    expect(trailProblem('0', 'percent')).toBe('Enter numbers above zero.');
    expect(trailProblem('100', 'percent')).toBe(
      'A trailing offset in percent must be below 100, with at most 2 decimals.',
    );
    expect(trailProblem('1.255', 'percent')).toBe(
      'A trailing offset in percent must be below 100, with at most 2 decimals.',
    );
    expect(trailProblem('150', 'quote')).toBeNull();
    expect(trailProblem('1.255', 'quote')).toBeNull(); // the pair's decimals: checked where they are known
    expect(changeOf(trailing, { ...typed, trail: '120', trailUnit: 'percent' })).toBe(
      'A trailing offset in percent must be below 100, with at most 2 decimals.',
    );
  });

  it('the form: the offset with its unit, its error under it, a confirm that says the queue place is kept', async () => {
    const amend = vi.fn(async () => ({}));
    render(
      <LocaleContext.Provider value="en">
        <AmendForm order={trailing} mode="live" actions={{ amend }} onDone={() => {}} />
      </LocaleContext.Provider>,
    );
    expect(screen.queryByTestId('amend-trigger')).toBeNull();
    const field = screen.getByTestId('amend-trail') as HTMLInputElement;
    expect(field.value).toBe('5');
    expect((screen.getByTestId('amend-trail-unit') as HTMLSelectElement).value).toBe('percent');
    fireEvent.input(field, { target: { value: '150' } });
    expect(screen.getByTestId('amend-trail-error').textContent).toBe(
      'A trailing offset in percent must be below 100, with at most 2 decimals.',
    );
    fireEvent.change(screen.getByTestId('amend-trail-unit'), { target: { value: 'quote' } });
    expect(screen.queryByTestId('amend-trail-error')).toBeNull();
    fireEvent.click(screen.getByTestId('amend-review'));
    expect(screen.getByTestId('amend-confirm-text').textContent).toBe(
      'Amend in place: Kraken keeps the order id and, where possible, its place in the queue. New trailing offset 150 USD.',
    );
    fireEvent.click(screen.getByTestId('amend-yes'));
    expect(amend).toHaveBeenCalledWith(trailing.id, { trailOffset: { value: '150', unit: 'quote' } });
  });

  it('a refused amend is said in the page’s language', async () => {
    const amend = vi.fn(async () => {
      throw new TradingUnavailable('locked', 'Unlock the vault to trade live.');
    });
    render(
      <LocaleContext.Provider value="fr">
        <AmendForm order={trailing} mode="live" actions={{ amend }} onDone={() => {}} />
      </LocaleContext.Provider>,
    );
    fireEvent.input(screen.getByTestId('amend-trail'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('amend-review'));
    fireEvent.click(screen.getByTestId('amend-yes'));
    const error = await screen.findByRole('alert');
    expect(error.textContent).not.toContain('Unlock the vault');
    expect(error.textContent).toMatch(/coffre/i);
  });
});
