// The ticket's field messages in French (issue 20): the pair rules' problems (validateOrder's codes) and the
// ticket's own checks, written in the page's language with French numbers, never English.
import { describe, expect, it } from 'vitest';
import { checkTicket } from '../../../lib/ticket/check.ts';
import type { TicketDraft } from '../../../lib/ticket/types.ts';
import { btcCtx, btcDraft } from './real-pairs.ts';

const messages = (draft: Partial<TicketDraft>, locale: 'en' | 'fr') =>
  checkTicket(btcDraft(draft), btcCtx({ locale })).problems.map((p) => [p.field, p.message]);

describe('the ticket in French', () => {
  it('says a too-small amount in French, with a decimal comma and a no-break space before the asset', () => {
    expect(messages({ amount: '0.00009' }, 'fr')).toEqual([
      ['amount', 'Le plus petit ordre sur BTC/USD est de 0,0001\u00a0BTC.'],
    ]);
    expect(messages({ amount: '0.00009' }, 'en')).toEqual([
      ['amount', 'The smallest BTC/USD order is 0.0001 BTC.'],
    ]);
  });

  it('says the ticket’s own checks in French: a quote amount below the minimum, post-only on a market order', () => {
    expect(messages({ amount: '1', amountIn: 'quote' }, 'fr')).toEqual([
      [
        'amount',
        expect.stringMatching(
          /^Le plus petit ordre sur BTC\/USD est de 0,0001\u00a0BTC\u202f; 1\u00a0USD ne font que 0,0000\d+\u00a0BTC\.$/,
        ),
      ],
    ]);
    const postOnly = messages({ type: 'market', amount: '0.01', postOnly: true }, 'fr');
    expect(postOnly).toContainEqual([
      'postOnly',
      '«\u202fpost-only\u202f» ne s’applique qu’aux ordres à cours limité.',
    ]);
  });

  it('leaves no English sentence in a French ticket, whatever is typed wrong', () => {
    const drafts: Partial<TicketDraft>[] = [
      { amount: '' },
      { amount: 'abc' },
      { amount: '0' },
      { amount: '0.123456789' },
      { type: 'limit', amount: '0.01', limitPrice: '' },
      { type: 'limit', amount: '0.01', limitPrice: '1.23456' },
      { type: 'stop-loss', side: 'sell', amount: '0.01', triggerPrice: '999999' },
      { type: 'trailing-stop', amount: '0.01', trailOffset: '', trailUnit: 'percent' },
      { type: 'trailing-stop', amount: '0.01', trailOffset: '150', trailUnit: 'percent' },
      { type: 'limit', amount: '0.01', limitPrice: '40000', timeInForce: 'GTD', expiresAt: 'soon' },
      { type: 'limit', amount: '0.01', limitPrice: '40000', closeType: 'stop-loss', closePrice: '' },
      { type: 'market', amount: '0.01', timeInForce: 'IOC' },
      { amount: '123456789012345678901234567890' },
    ];
    for (const draft of drafts) {
      const fr = messages(draft, 'fr');
      const en = messages(draft, 'en');
      expect(fr.length, JSON.stringify(draft)).toBeGreaterThan(0);
      fr.forEach(([, text], i) => {
        expect(text, JSON.stringify(draft)).not.toBe(en[i]?.[1]);
        expect(text).not.toMatch(/\b(the|must|enter|order is|price)\b|[{}]|ticketProblem\.|problem\./i);
      });
    }
  });
});
