import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { accountFees, type TradeVolume } from '../../../lib/kraken/index.ts';
import { fixtureText } from '../../support/fixtures.ts';

// Kraken's own example answer (api-specs spot-rest examples/responses/user/trades/volume.yaml): the top tier,
// so no next tier; its fields are spelled `minfee`, `nextfee`, `tiervolume` (the schema says `min_fee` …).
const example = parse(
  fixtureText('official/krakenfx-api-specs_spot-rest/examples/responses/user/trades/volume.yaml'),
) as { result: TradeVolume };

describe('accountFees (TradeVolume → the account’s maker and taker fee for a pair)', () => {
  it('reads Kraken’s example: maker 0.0000 %, taker 0.1000 % at the top tier, no next tier', () => {
    expect(accountFees(example.result, 'XETCXETH')).toEqual({
      makerPercent: '0.0000',
      takerPercent: '0.1000',
      volume: '3015012348193.4134',
      tierVolume: '10000000.0000',
    });
  });

  it('reads the schema’s spelling too, with the next tier', () => {
    const answer: TradeVolume = {
      currency: 'ZUSD',
      volume: '1500.0000',
      fees: {
        XXBTZUSD: {
          fee: '0.4000',
          min_fee: '0.1000',
          max_fee: '0.4000',
          next_fee: '0.3500',
          tier_volume: '0.0000',
          next_volume: '10000.0000',
        },
      },
      fees_maker: { XXBTZUSD: { fee: '0.2500', next_fee: '0.2000', next_volume: '10000.0000' } },
    };
    expect(accountFees(answer, 'XXBTZUSD')).toEqual({
      makerPercent: '0.2500',
      takerPercent: '0.4000',
      volume: '1500.0000',
      tierVolume: '0.0000',
      next: { volume: '10000.0000', takerPercent: '0.3500', makerPercent: '0.2000' },
    });
  });

  it('a pair Kraken sent nothing for has no fees (never a guessed number)', () => {
    expect(accountFees(example.result, 'XXBTZUSD')).toBeUndefined();
  });
});
