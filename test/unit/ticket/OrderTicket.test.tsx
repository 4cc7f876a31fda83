// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { krakenErrorFrom, OrderOutcomeUnknown } from '../../../lib/kraken/index.ts';
import type { MarketSnapshot, MarketSnapshot as Snapshot, Tick } from '../../../lib/market/types.ts';
import { BackgroundUnreachable, deserializeError, serializeError } from '../../../lib/messaging/errors.ts';
import type { OrderRequest, OrderView } from '../../../lib/orders/types.ts';
import { checkTicket } from '../../../lib/ticket/check.ts';
import { OrderTicket } from '../../../lib/ticket/OrderTicket.tsx';
import { SENDING_PAINT_MS } from '../../../lib/ticket/use-ticket.ts';
import type { TradingView } from '../../../lib/trading/types.ts';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import type { TradingActions } from '../../../lib/ui/trading/actions.ts';
import { order, tradingView } from '../ui/trading/fixtures.ts';
import { BOOK, BTCUSD } from './fixtures.ts';

// Every run of the ticket's check is counted (the real check runs).
vi.mock('../../../lib/ticket/check.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/ticket/check.ts')>();
  return { ...actual, checkTicket: vi.fn(actual.checkTicket) };
});
const checks = () => vi.mocked(checkTicket).mock.calls.length;

afterEach(cleanup);

const snapshot: MarketSnapshot = {
  connection: { kind: 'live', since: 0 },
  watchlist: ['BTC/USD', 'ETH/USD'],
  badgePair: 'BTC/USD',
  ticks: {},
  pairs: {},
  rejected: {},
  lastTickAt: null,
  endpointLabel: 'Kraken',
  focus: null,
};

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(trading: TradingView = tradingView()) {
  const placing = deferred<{ order: OrderView }>();
  const validating = deferred<{ description: string }>();
  const checking = deferred<{ order: OrderView }>();
  const actions = {
    watch: vi.fn(async (symbol: string) => ({ rules: symbol === 'BTC/USD' ? BTCUSD : null, book: BOOK })),
    preview: vi.fn((_order: OrderRequest) => validating.promise),
    place: vi.fn((_order: OrderRequest, _id: string) => placing.promise),
    check: vi.fn((_id: string) => checking.promise),
  } satisfies Pick<TradingActions, 'watch' | 'preview' | 'place' | 'check'>;
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const utils = render(
    <OrderTicket snapshot={snapshot} books={{}} trading={trading} actions={actions} newId={newId} />,
  );
  const rerender = (t: TradingView) =>
    utils.rerender(
      <OrderTicket snapshot={snapshot} books={{}} trading={t} actions={actions} newId={newId} />,
    );
  return { actions, placing, validating, checking, rerender };
}

const byId = (id: string) => screen.getByTestId(id);
/** Through the messaging boundary, as the background sends it. */
const across = (e: Error) => deserializeError(JSON.parse(JSON.stringify(serializeError(e))));
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });
const ready = () => waitFor(() => expect(screen.queryByTestId('ticket-loading')).toBeNull());

describe('the order ticket', () => {
  it('watches the pair, shows the exact rule an amount breaks, and offers no confirm', async () => {
    const { actions } = setup();
    expect(actions.watch).toHaveBeenCalledWith('BTC/USD');
    await ready();
    type('ticket-amount', '0.00001');
    expect(byId('ticket-error-amount').textContent).toBe('The smallest BTC/USD order is 0.0001 BTC.');
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Enter' });
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    expect(screen.queryByTestId('ticket-confirm')).toBeNull();
  });

  it('Enter previews, Enter on the focused confirm sends once; a held Enter and a second click do not', async () => {
    const { actions, placing } = setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Enter' });
    const preview = byId('ticket-preview');
    expect(byId('preview-mode').textContent).toBe('Paper');
    expect(preview.textContent).toContain('buy 0.01 BTC/USD · Market');
    expect(byId('preview-receive').textContent).toBe('0.01 BTC');
    expect(byId('preview-total').textContent).toBe('454.67 USD'); // 454.66341: cents, rounded up (what leaves)
    expect(byId('preview-total').title).toBe('454.66341');
    expect(screen.getAllByTestId('preview-balance').map((b) => [b.dataset.asset, b.textContent])).toEqual([
      ['USD', '1,000.00 → 545.33'], // 0.01 × 45285.2 = 452.85200, + 0.40 % fee 1.81141; held: rounded down
      ['BTC', '0.5 → 0.51'],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(byId('ticket-confirm')));
    fireEvent.keyDown(byId('ticket-confirm'), { key: 'Enter', repeat: true });
    expect(actions.place).not.toHaveBeenCalled();
    fireEvent.keyDown(byId('ticket-confirm'), { key: 'Enter' });
    fireEvent.click(byId('ticket-confirm'));
    fireEvent.keyDown(byId('ticket-confirm'), { key: 'Enter' });
    expect(actions.place).toHaveBeenCalledTimes(1);
    expect(actions.place.mock.calls[0]?.[1]).toBe('00000000-0000-4000-8000-000000000001');
    expect(actions.place.mock.calls[0]?.[0]).toMatchObject({
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      volume: '0.01000000',
    });
    // "Sending…" is painted a moment later (SENDING_PAINT_MS), so a quick answer is the next thing the page
    // does; until then further clicks are already no-ops (above).
    expect((byId('ticket-confirm') as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect((byId('ticket-confirm') as HTMLButtonElement).disabled).toBe(true));
    await act(async () =>
      placing.resolve({
        order: order({ id: 'OQCLML-BW3P3-BUCMWZ', type: 'market', limitPrice: undefined, volume: '0.01' }),
      }),
    );
    expect(byId('ticket-result').textContent).toBe('Placed: buy 0.01 BTC/USD market');
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
  });

  it('a quick answer is shown without "Sending…" ever being painted', async () => {
    const { placing } = setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-submit'));
    const confirm = byId('ticket-confirm');
    const painted: string[] = [];
    new MutationObserver(() => painted.push(confirm.textContent ?? '')).observe(confirm, {
      attributes: true,
      childList: true,
      characterData: true,
      subtree: true,
    });
    fireEvent.click(confirm);
    await act(async () =>
      placing.resolve({
        order: order({ id: 'OQCLML-BW3P3-BUCMWZ', type: 'market', limitPrice: undefined, volume: '0.01' }),
      }),
    );
    expect(painted).toEqual([]); // the button went from "Confirm" to gone, never through "Sending…"
    expect(byId('ticket-result').dataset.kind).toBe('placed');
    await new Promise((r) => setTimeout(r, SENDING_PAINT_MS + 20));
    expect(byId('ticket-result').dataset.kind).toBe('placed'); // the late paint did not bring "Sending…" back
    expect(screen.queryByTestId('ticket-confirm')).toBeNull();
  });

  it('two clicks in the same instant place one order', async () => {
    const { actions } = setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-submit'));
    const confirm = byId('ticket-confirm');
    confirm.click();
    confirm.click();
    expect(actions.place).toHaveBeenCalledTimes(1);
  });

  it('refused by Kraken: says why in our words and Kraken’s, and a new attempt needs a new confirmation', async () => {
    const { actions, placing } = setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-submit'));
    fireEvent.click(byId('ticket-confirm'));
    const refusal = krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], 0);
    await act(async () => placing.reject(across(refusal)));
    expect(byId('ticket-result').textContent).toBe(
      `Refused: ${refusal.hint} (Kraken said: EOrder:Insufficient funds)`,
    );
    expect(byId('ticket-result').dataset.kind).toBe('refused');
    expect(screen.queryByTestId('ticket-confirm')).toBeNull();
    fireEvent.click(byId('ticket-submit'));
    fireEvent.click(byId('ticket-confirm'));
    expect(actions.place.mock.calls.map((c) => c[1])).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('unknown outcome: "checking with Kraken", only "Check again", which asks and never places', async () => {
    const { actions, placing, checking } = setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-submit'));
    fireEvent.click(byId('ticket-confirm'));
    await act(async () =>
      placing.reject(across(new OrderOutcomeUnknown('00000000-0000-4000-8000-000000000001'))),
    );
    expect(byId('ticket-result').dataset.kind).toBe('unknown');
    expect(byId('ticket-checking').textContent).toContain('Do not place it again');
    expect(screen.queryByTestId('ticket-confirm')).toBeNull();
    fireEvent.click(byId('ticket-check'));
    expect(actions.check).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000001');
    await act(async () => checking.resolve({ order: order({ id: 'OQCLML-BW3P3-BUCMWZ' }) }));
    expect(byId('ticket-result').dataset.kind).toBe('placed');
    expect(actions.place).toHaveBeenCalledTimes(1);
  });

  it('no answer from the background (it restarted): asks again with the same cl_ord_id', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { actions } = setup();
      actions.place.mockImplementationOnce(() => Promise.reject(new BackgroundUnreachable('port closed')));
      await vi.waitFor(() => expect(screen.queryByTestId('ticket-loading')).toBeNull());
      type('ticket-amount', '0.01');
      fireEvent.click(byId('ticket-submit'));
      fireEvent.click(byId('ticket-confirm'));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(600);
      });
      expect(actions.place.mock.calls.map((c) => c[1])).toEqual([
        '00000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Esc closes the preview (focus back in the amount) and never wipes what was typed', async () => {
    setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Enter' });
    fireEvent.keyDown(byId('ticket-confirm'), { key: 'Escape' });
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    expect((byId('ticket-amount') as HTMLInputElement).value).toBe('0.01');
    await waitFor(() => expect(document.activeElement).toBe(byId('ticket-amount')));
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Escape' });
    expect((byId('ticket-amount') as HTMLInputElement).value).toBe('0.01');
  });

  it('live: shows Kraken’s refusal and keeps confirm disabled', async () => {
    const { actions, validating } = setup(tradingView({ mode: 'live', live: { kind: 'ready' } }));
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-submit'));
    expect(actions.preview).toHaveBeenCalledTimes(1);
    expect(byId('ticket-kraken').textContent).toBe('Checking with Kraken…');
    expect((byId('ticket-confirm') as HTMLButtonElement).disabled).toBe(true);
    const refusal = krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], 0);
    await act(async () => validating.reject(across(refusal)));
    expect(byId('ticket-kraken').textContent).toBe(
      `Kraken refused: ${refusal.hint} (Kraken said: EOrder:Insufficient funds)`,
    );
    fireEvent.click(byId('ticket-confirm'));
    expect(actions.place).not.toHaveBeenCalled();
  });

  it('live without a key: says why and previews nothing', async () => {
    const { actions } = setup(tradingView({ mode: 'live' }));
    await ready();
    expect(byId('ticket-gate').textContent).toContain('Add an API key in Settings');
    type('ticket-amount', '0.01');
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Enter' });
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    expect(actions.preview).not.toHaveBeenCalled();
  });

  it('a mode switch withdraws the confirmation', async () => {
    const { rerender } = setup();
    await ready();
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-submit'));
    expect(byId('ticket-preview')).toBeTruthy();
    rerender(tradingView({ mode: 'live', live: { kind: 'ready' } }));
    await waitFor(() => expect(screen.queryByTestId('ticket-preview')).toBeNull());
  });

  it('limit fields, post-only and TIF appear for limits; 100 % sells the whole available balance', async () => {
    setup();
    await ready();
    expect(screen.queryByTestId('ticket-limit')).toBeNull();
    fireEvent.change(byId('ticket-type'), { target: { value: 'limit' } });
    expect(byId('ticket-limit')).toBeTruthy();
    expect(byId('ticket-post-only')).toBeTruthy();
    expect(byId('ticket-tif')).toBeTruthy();
    fireEvent.click(byId('ticket-side-sell'));
    type('ticket-limit', '46000.0');
    fireEvent.click(byId('ticket-fraction-100'));
    expect((byId('ticket-amount') as HTMLInputElement).value).toBe('0.5');
    fireEvent.change(byId('ticket-type'), { target: { value: 'stop-loss' } });
    expect(screen.queryByTestId('ticket-limit')).toBeNull();
    expect(byId('ticket-trigger')).toBeTruthy();
  });

  it('the unit toggle carries the amount into the quote asset', async () => {
    setup();
    await ready();
    fireEvent.change(byId('ticket-type'), { target: { value: 'limit' } });
    type('ticket-limit', '45000.0');
    type('ticket-amount', '0.01');
    fireEvent.click(byId('ticket-unit'));
    expect(byId('ticket-unit').dataset.unit).toBe('quote');
    expect((byId('ticket-amount') as HTMLInputElement).value).toBe('450.00000');
  });

  it('a pair change watches the new pair and says when it has no rules', async () => {
    const { actions } = setup();
    await ready();
    fireEvent.change(byId('ticket-pair'), { target: { value: 'ETH/USD' } });
    await waitFor(() => expect(actions.watch).toHaveBeenLastCalledWith('ETH/USD'));
    await waitFor(() =>
      expect(byId('ticket-error-pair').textContent).toBe('Kraken has no trading rules for ETH/USD.'),
    );
  });
});

describe('the ticket in French', () => {
  it('says why the pair’s details could not be loaded in French', async () => {
    const actions = {
      watch: vi.fn(async (symbol: string) => {
        // The client raises it itself when the background does not answer.
        if (symbol === 'ETH/USD') throw new BackgroundUnreachable('closed');
        return { rules: BTCUSD, book: BOOK };
      }),
      preview: vi.fn(),
      place: vi.fn(),
      check: vi.fn(),
    } as unknown as Pick<TradingActions, 'watch' | 'preview' | 'place' | 'check'>;
    render(
      <LocaleContext.Provider value="fr">
        <OrderTicket
          snapshot={snapshot}
          books={{}}
          trading={tradingView()}
          actions={actions}
          newId={() => 'x'}
        />
      </LocaleContext.Provider>,
    );
    await ready();
    fireEvent.change(byId('ticket-pair'), { target: { value: 'ETH/USD' } });
    await waitFor(() =>
      expect(byId('ticket-error-pair').textContent).toMatch(
        /^L’arrière-plan de l’extension n’a pas répondu\./,
      ),
    );
  });
});

describe('the ticket on a live market', () => {
  const tick = (symbol: string, last: number, at: number): Tick => ({
    symbol,
    last,
    bid: last - 0.5,
    ask: last + 0.5,
    change: 0,
    changePct: 0,
    high: last,
    low: last,
    volume: 1,
    receivedAt: at,
  });
  const market = (n: number): Snapshot => ({
    ...snapshot,
    ticks: { 'BTC/USD': tick('BTC/USD', 45_284 + n, n), 'ETH/USD': tick('ETH/USD', 3_400 + n, n) },
    lastTickAt: n,
  });

  /** Renders of a component function, by name (Preact calls options.__r before each one). */
  function renderCounter() {
    const hooks = options as unknown as { __r?: (vnode: VNode) => void };
    const previous = hooks.__r;
    const counts = new Map<string, number>();
    hooks.__r = (vnode) => {
      // A pure() component renders as the class `Pure(<name>)` (lib/ui/pure.ts): counted under its name.
      const type = vnode.type as { name?: string; displayName?: string } | string;
      const name =
        typeof type === 'string'
          ? ''
          : (/^Pure\((.*)\)$/.exec(type.displayName ?? '')?.[1] ?? type.name ?? '');
      counts.set(name, (counts.get(name) ?? 0) + 1);
      previous?.(vnode);
    };
    return {
      of: (name: string) => counts.get(name) ?? 0,
      stop: () => {
        hooks.__r = previous;
      },
    };
  }

  function live(visible = true) {
    const actions = {
      watch: vi.fn(async () => ({ rules: BTCUSD, book: BOOK })),
      preview: vi.fn(() => new Promise<{ description: string }>(() => {})),
      place: vi.fn(() => new Promise<{ order: OrderView }>(() => {})),
      check: vi.fn(() => new Promise<{ order: OrderView }>(() => {})),
    } satisfies Pick<TradingActions, 'watch' | 'preview' | 'place' | 'check'>;
    const trading = tradingView();
    const view = (n: number, books: Record<string, typeof BOOK>, shown: boolean) => (
      <OrderTicket snapshot={market(n)} books={books} trading={trading} actions={actions} visible={shown} />
    );
    const utils = render(view(0, {}, visible));
    return {
      rerender: (n: number, books: Record<string, typeof BOOK> = {}, shown = true) =>
        utils.rerender(view(n, books, shown)),
    };
  }

  it('a typed limit order is not checked again on ticks, and its fields do not render again', async () => {
    const { rerender } = live();
    await ready();
    fireEvent.change(byId('ticket-type'), { target: { value: 'limit' } });
    type('ticket-limit', '45000.0');
    type('ticket-amount', '0.01');
    expect(byId('ticket-estimate').textContent).toContain('≈ 451.80 USD'); // 0.01 × 45,000 + 0.40 % fee
    const before = checks();
    const counter = renderCounter();
    try {
      for (let n = 1; n <= 5; n++) rerender(n);
      expect(checks()).toBe(before);
      expect(counter.of('Fields')).toBe(0);
      expect(counter.of('OrderTicket')).toBe(5);
    } finally {
      counter.stop();
    }
  });

  it('a market order follows the book: a book event reruns the check and moves the estimate, not the fields', async () => {
    const { rerender } = live();
    await ready();
    type('ticket-amount', '0.01');
    expect(byId('ticket-estimate').textContent).toContain('≈ 454.67 USD'); // 0.01 × 45,285.2 + 0.40 % fee = 454.66341, cents rounded up (what leaves)
    const before = checks();
    const counter = renderCounter();
    try {
      rerender(1); // a tick: the book did not move, so nothing to check
      expect(checks()).toBe(before);
      const moved = { ...BOOK, asks: [{ price: '45300.0', qty: '1' }], at: 5_000 };
      rerender(2, { 'BTC/USD': moved });
      expect(checks()).toBe(before + 1);
      expect(byId('ticket-estimate').textContent).toContain('≈ 454.82 USD'); // 0.01 × 45,300 + 0.40 % fee = 454.812, rounded up
      expect(counter.of('Estimate')).toBe(1);
      expect(counter.of('Fields')).toBe(0);
    } finally {
      counter.stop();
    }
  });

  it('does not check at all while the Trade tab is hidden, and catches up when shown', async () => {
    const { rerender } = live();
    await ready();
    type('ticket-amount', '0.01');
    const before = checks();
    const moved = { ...BOOK, asks: [{ price: '45300.0', qty: '1' }], at: 5_000 };
    rerender(1, {}, false);
    rerender(2, { 'BTC/USD': moved }, false);
    rerender(3, { 'BTC/USD': { ...moved, at: 6_000 } }, false);
    expect(checks()).toBe(before);
    rerender(4, { 'BTC/USD': { ...moved, at: 6_000 } }, true);
    expect(checks()).toBe(before + 1);
    expect(byId('ticket-estimate').textContent).toContain('≈ 454.82 USD');
  });
});

describe('lengths the background accepts', () => {
  it('refuses a 21-digit amount or price beside its field, naming the limit, and previews nothing', async () => {
    const { actions } = setup();
    await ready();
    type('ticket-amount', '1'.repeat(21));
    expect(byId('ticket-error-amount').textContent).toBe(
      'An amount can have at most 20 digits before the decimal point.',
    );
    fireEvent.keyDown(byId('ticket-amount'), { key: 'Enter' });
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    fireEvent.change(byId('ticket-type'), { target: { value: 'limit' } });
    type('ticket-amount', '0.01');
    type('ticket-limit', `45000.${'0'.repeat(21)}`);
    expect(byId('ticket-error-limitPrice').textContent).toBe(
      'A limit price can have at most 20 digits after the decimal point.',
    );
    fireEvent.click(byId('ticket-submit'));
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    expect(actions.place).not.toHaveBeenCalled();
  });
});
