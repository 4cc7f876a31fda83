// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Fills } from '../../../../lib/ui/trading/Fills.tsx';

afterEach(cleanup);

describe('fills', () => {
  it('lists fills newest first, partial or full', () => {
    const fill = {
      orderId: 'A',
      symbol: 'BTC/USD',
      side: 'buy' as const,
      price: '45000.0',
      fee: '0.72',
      feeAsset: 'USD',
      liquidity: 'taker' as const,
    };
    render(
      <Fills
        fills={[
          { ...fill, id: 'f1', qty: '0.004', complete: false, at: 1_000 },
          { ...fill, id: 'f2', qty: '0.006', complete: true, at: 2_000 },
        ]}
        now={62_000}
      />,
    );
    const rows = screen.getAllByTestId('fill-row');
    expect(rows.map((r) => r.dataset.fillId)).toEqual(['f2', 'f1']);
    expect(rows[0]?.textContent).toMatch(/buy 0\.006 BTC\/USD.*full.*@ 45,000\.0.*fee 0\.72 USD.*1 min/);
    expect(rows[1]?.textContent).toContain('partial');
  });
});
