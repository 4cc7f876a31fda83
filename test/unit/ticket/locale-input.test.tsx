// @vitest-environment happy-dom
// The ticket reads what is typed in the page's language before anything is checked or sent: in French "0,5" is
// half a coin and goes out as exactly "0.5"; "1,000" is refused with the message (a thousand, or one?); in
// English "0,5" is refused (never read as 5). A price picked from the quotes, a share of the balance and a
// prefilled order are written back the page's way, so they read back the same.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../lib/i18n/locales.ts';
import type { MarketSnapshot } from '../../../lib/market/types.ts';
import type { OrderRequest, OrderView } from '../../../lib/orders/types.ts';
import { createCheckMemo } from '../../../lib/ticket/check-memo.ts';
import { OrderTicket } from '../../../lib/ticket/OrderTicket.tsx';
import { initialTicket } from '../../../lib/ticket/state.ts';
import { readDraft } from '../../../lib/ticket/typed.ts';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import { order, tradingView } from '../ui/trading/fixtures.ts';
import { BOOK, BTCUSD } from './fixtures.ts';

afterEach(cleanup);

const snapshot: MarketSnapshot = {
  connection: { kind: 'live', since: 0 },
  watchlist: ['BTC/USD'],
  badgePair: 'BTC/USD',
  ticks: {},
  pairs: {},
  rejected: {},
  lastTickAt: null,
  endpointLabel: 'Kraken',
  focus: null,
};

function ticket(locale: Locale) {
  const actions = {
    watch: vi.fn(async () => ({ rules: BTCUSD, book: BOOK })),
    preview: vi.fn(async () => ({ description: 'ok' })),
    place: vi.fn((_o: OrderRequest, _id: string) => new Promise<{ order: OrderView }>(() => {})),
    check: vi.fn(async () => ({ order: order() })),
  };
  render(
    <LocaleContext.Provider value={locale}>
      <OrderTicket snapshot={snapshot} books={{}} trading={tradingView()} actions={actions} />
    </LocaleContext.Provider>,
  );
  return actions;
}
const byId = (id: string) => screen.getByTestId(id);
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });
const ready = () => waitFor(() => expect(screen.queryByTestId('ticket-loading')).toBeNull());

describe('numbers typed in the ticket, in the page’s language', () => {
  it('French: "0,01" is placed as exactly 0.01 BTC, and a limit "45000,5" as 45000.5', async () => {
    const actions = ticket('fr');
    await ready();
    fireEvent.change(byId('ticket-type'), { target: { value: 'limit' } });
    type('ticket-limit', '45000,5');
    type('ticket-amount', '0,01');
    expect(screen.queryByTestId('ticket-error-amount')).toBeNull();
    fireEvent.click(byId('ticket-submit'));
    // The confirmation says what the order will do in French, numbers written the French way.
    expect(byId('preview-words').textContent).toBe(
      'Achète 0,01 BTC à 45\u202f000,5 USD ou moins. Ce qui n’est pas exécuté aussitôt reste dans le carnet jusqu’à ce que vous l’annuliez.',
    );
    expect(byId('preview-fee-note').textContent).toBe(
      'Tarif taker affiché\u202f: ce qui reste dans le carnet et s’exécute plus tard paie le tarif maker.',
    );
    fireEvent.click(byId('ticket-confirm'));
    expect(actions.place).toHaveBeenCalledTimes(1);
    expect(actions.place.mock.calls[0]?.[0]).toMatchObject({ volume: '0.01000000', limitPrice: '45000.5' });
  });

  it('French: "1,000" is refused as ambiguous, with the message, and nothing is previewed', async () => {
    const actions = ticket('fr');
    await ready();
    type('ticket-amount', '1,000');
    expect(byId('ticket-error-amount').textContent).toBe(
      '« 1,000 » peut se lire en milliers ou en décimales. Écrivez 1000 pour mille ; pour trois décimales, ajoutez un zéro (1,0050).',
    );
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Enter' });
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    expect(actions.place).not.toHaveBeenCalled();
  });

  it('English: "0,5" is refused (never read as 5), "0.5" is fine', async () => {
    ticket('en');
    await ready();
    type('ticket-amount', '0,5');
    expect(byId('ticket-error-amount').textContent).toBe('Decimals take a point in English: 0.5, not 0,5.');
    type('ticket-amount', '0.5');
    expect(screen.queryByTestId('ticket-error-amount')).toBeNull();
  });

  it('French: the best ask clicked into the price is written "45285,2" and turns a market order into a limit', async () => {
    ticket('fr');
    await ready();
    expect(byId('ticket-quote-ask').textContent).toContain('45\u202f285,2');
    await act(async () => {
      fireEvent.click(byId('ticket-quote-ask'));
    });
    expect((byId('ticket-type') as HTMLSelectElement).value).toBe('limit');
    expect((byId('ticket-limit') as HTMLInputElement).value).toBe('45285,2');
  });
});

describe('readDraft and the check memo', () => {
  const draft = (patch: Partial<ReturnType<typeof initialTicket>['form']>) => ({
    ...initialTicket('BTC/USD').form,
    ...patch,
  });

  it('reads only the fields the order type uses, and keeps the text of one that does not parse', () => {
    const read = readDraft(draft({ type: 'market', amount: '0,5', limitPrice: '1,000' }), 'fr');
    expect(read.draft.amount).toBe('0.5');
    expect(read.draft.limitPrice).toBe('1,000'); // a market order does not read it: no problem either
    expect(read.problems).toEqual([]);
    const bad = readDraft(draft({ type: 'limit', amount: '0,5', limitPrice: '1,000' }), 'fr');
    expect(bad.problems.map((p) => [p.field, p.code])).toEqual([['limitPrice', 'not-a-number']]);
  });

  it('the same form checks differently in French and English (the locale is part of what the memo reads)', () => {
    const memo = createCheckMemo();
    const inputs = {
      form: draft({ amount: '0,01' }),
      rules: BTCUSD,
      book: BOOK,
      last: undefined,
      available: { USD: '1000', BTC: '0.5' },
      fees: { makerPercent: '0.25', takerPercent: '0.40' },
      mode: 'paper' as const,
    };
    const fr = memo({ ...inputs, locale: 'fr' }, true);
    expect(fr?.ok && fr.order.volume).toBe('0.01000000');
    const en = memo({ ...inputs, locale: 'en' }, true);
    expect(en?.ok).toBe(false);
    expect(en?.problems[0]).toMatchObject({ field: 'amount', code: 'not-a-number' });
  });
});
