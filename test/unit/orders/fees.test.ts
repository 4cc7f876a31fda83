import { describe, expect, it } from 'vitest';
import { format } from '../../../lib/kraken/pairs/exact.ts';
import { feeOn, feePercent, percentText, STARTER_FEES } from '../../../lib/orders/fees.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

describe('the fee schedule', () => {
  it('is Kraken Pro starter tier unless the pair carries its own rates', () => {
    const bare = { ...BTC_USD_RULES, makerFeePercent: undefined, takerFeePercent: undefined };
    expect(STARTER_FEES).toEqual({ makerPercent: '0.25', takerPercent: '0.40' });
    expect([feePercent(bare, 'maker'), feePercent(bare, 'taker')]).toEqual(['0.25', '0.40']);
    const own = { ...bare, makerFeePercent: '0.16', takerFeePercent: '0.26' };
    expect([feePercent(own, 'maker'), feePercent(own, 'taker')]).toEqual(['0.16', '0.26']);
  });

  it('rounds a fee up to the cost decimals, never understating it', () => {
    // 452.852 × 0.40 % = 1.811408 → 1.81141 at 5 decimals.
    expect(format(feeOn('452.852', '0.40', 5))).toBe('1.81141');
    expect(format(feeOn('100', '0.40', 5))).toBe('0.40000');
  });
});

describe('percentText', () => {
  it('reads Kraken’s 4-decimal rates as people write them, keeping the value', () => {
    expect(['0.2500', '0.4', '0', '0.0200', '1.125', '10'].map(percentText)).toEqual([
      '0.25',
      '0.40',
      '0.00',
      '0.02',
      '1.125',
      '10.00',
    ]);
  });
});
