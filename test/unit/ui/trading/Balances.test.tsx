// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Balances } from '../../../../lib/ui/trading/Balances.tsx';

afterEach(cleanup);

describe('balances', () => {
  it('shows available, on hold and the USD value per asset', () => {
    const balances = [
      { asset: 'USD', total: '10250.5', hold: '250.5', available: '10000.0000', usdValue: '10250.5' },
      { asset: 'DOT', total: '3', hold: '0', available: '3' },
    ];
    render(<Balances balances={balances} />);
    const rows = screen.getAllByTestId('balance-row');
    expect(rows.map((r) => r.dataset.asset)).toEqual(['USD', 'DOT']);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['USD', '10,000.00', '250.50', '10,250.50'],
      ['DOT', '3', '0', '—'],
    ]);
  });

  it('rounds paper balances down to the asset’s display decimals (the exact value is the cell’s title)', () => {
    const balances = [
      { asset: 'USD', total: '8791.4691561575', hold: '0', available: '8791.4691561575' },
      { asset: 'BTC', total: '0.123456789123', hold: '0', available: '0.123456789123' },
    ];
    render(<Balances balances={balances} />);
    const cells = screen.getAllByTestId('balance-available');
    expect(cells.map((c) => c.textContent)).toEqual(['8,791.46', '0.12345678']);
    expect(cells[0]?.title).toBe('8791.4691561575');
  });

  it('says "locked" or "no key" for unknown live balances, never zero', () => {
    render(<Balances balances={[]} unknown="locked" />);
    expect(screen.getByTestId('balances-unknown').textContent).toContain('the vault is locked');
    expect(screen.queryByText(/No balances/)).toBeNull();
    cleanup();
    render(<Balances balances={[]} unknown="no-key" />);
    expect(screen.getByTestId('balances-unknown').textContent).toContain('no key');
  });

  it('greys out and says when it was last confirmed while the live feed is down', () => {
    const at = new Date(2026, 0, 1, 9, 5, 3).getTime();
    render(
      <Balances balances={[{ asset: 'BTC', total: '1', hold: '0', available: '1' }]} confirmedAt={at} />,
    );
    expect(screen.getByTestId('balances').dataset.stale).toBe('true');
    expect(screen.getByTestId('confirmed-at').textContent).toBe(
      'Not live: last confirmed by Kraken at 09:05:03',
    );
  });
});
