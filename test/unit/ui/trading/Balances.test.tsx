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
      ['USD', '10,000', '250.5', '10,250.50'],
      ['DOT', '3', '0', '—'],
    ]);
  });
});
