// validateOrder's problems written in both languages: the sentences the ticket shows beside its fields.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { say, translator } from '../../../lib/i18n/translate.ts';
import type { AssetPair } from '../../../lib/kraken/index.ts';
import { pairRulesFrom } from '../../../lib/kraken/pairs/rules.ts';
import { validateOrder } from '../../../lib/kraken/pairs/validate.ts';
import { orderProblemText } from '../../../lib/orders/problem-text.ts';
import { fixtureText } from '../../support/fixtures.ts';

// Kraken's official AssetPairs example: XXBTZUSD (pair 1, lot 8, ordermin 0.0001, costmin 0.5, tick 0.1).
const official = parse(
  fixtureText('official/krakenfx-api-specs_spot-rest/examples/responses/public/assets/pairs.yaml'),
) as { result: Record<string, AssetPair> };
const BTCUSD = pairRulesFrom('XXBTZUSD', official.result.XXBTZUSD as AssetPair);

const text = (
  locale: 'en' | 'fr',
  draft: Parameters<typeof validateOrder>[1],
  available?: Record<string, string>,
) => {
  const check = validateOrder(BTCUSD, draft, available ? { available } : {});
  if (check.ok) throw new Error('expected a problem');
  return check.problems.map((p) => say(translator(locale), orderProblemText(p, locale)));
};

describe('validateOrder problems in words', () => {
  it('an amount below the minimum, in English and in French (decimal comma, no-break space before the unit)', () => {
    const draft = { side: 'buy', ordertype: 'limit', volume: '0.00001', price: '30000.0' } as const;
    expect(text('en', draft)).toEqual([`The smallest BTC/USD order is ${BTCUSD.ordermin} BTC.`]);
    expect(text('fr', draft)).toEqual([
      `Le plus petit ordre sur BTC/USD est de ${BTCUSD.ordermin?.replace('.', ',')}\u00a0BTC.`,
    ]);
  });

  it('a balance too small for a buy keeps every digit, with the fee', () => {
    const draft = { side: 'buy', ordertype: 'limit', volume: '0.01', price: '30000.0' } as const;
    const [en] = text('en', draft, { USD: '300.77' });
    const [fr] = text('fr', draft, { USD: '300.77' });
    expect(en).toMatch(
      /^You have 300\.77 USD available; this order needs 300\.\d+ USD including the 0\.26% fee\.$/,
    );
    expect(fr).toMatch(
      /^Vous disposez de 300,77\u00a0USD\u202f; cet ordre demande 300,\d+\u00a0USD, frais de 0,26\u202f% compris\.$/,
    );
  });

  it('every problem code has a French sentence that is not the English one', () => {
    const drafts = [
      { side: 'buy', ordertype: 'limit', volume: '', price: '' },
      { side: 'buy', ordertype: 'stop-loss', volume: 'x', price: 'y' },
      { side: 'buy', ordertype: 'limit', volume: '0', price: '0' },
      { side: 'buy', ordertype: 'limit', volume: '0.123456789012', price: '30000.123456' },
      { side: 'sell', ordertype: 'limit', volume: '1', price: '30000.0' },
    ] as const;
    const seen = new Set<string>();
    for (const draft of drafts) {
      const check = validateOrder(BTCUSD, draft, { available: { BTC: '0', USD: '0' } });
      if (check.ok) continue;
      for (const p of check.problems) {
        seen.add(p.code);
        const en = say(translator('en'), orderProblemText(p, 'en'));
        const fr = say(translator('fr'), orderProblemText(p, 'fr'));
        expect(fr).not.toBe(en);
        expect(`${en} ${fr}`).not.toMatch(/problem\.|[{}]/);
      }
    }
    expect([...seen].sort()).toEqual(
      ['insufficient-balance', 'not-a-number', 'not-positive', 'required', 'too-many-decimals'].sort(),
    );
  });
});
