// A trailing stop's new offset on the way to Kraken: AmendOrder's `trigger_price` as "+2%" / "+500.0" (REST), and
// amend_order's `trigger_price` with `trigger_price_type` pct / quote (WebSocket v2). What the transports do with
// them is tested against the simulator (test/sim/amend-trigger.test.ts, test/e2e/trade-pro.test.ts).
import { describe, expect, it } from 'vitest';
import { type WsSession, wsAmendOrder } from '../../../../lib/kraken/index.ts';
import type { AmendOrderParams } from '../../../../lib/kraken/rest/types-private.ts';
import { createAmender, trailTriggerText } from '../../../../lib/trading/live/amend.ts';
import { BTC_USD_RULES } from '../../../support/paper-fixtures.ts';

describe('trailTriggerText', () => {
  it('Kraken’s + prefix, % for percent; the pair’s decimals for a quote offset', () => {
    expect(trailTriggerText({ value: '2', unit: 'percent' }, 1)).toBe('+2%');
    expect(trailTriggerText({ value: '1.50', unit: 'percent' }, 1)).toBe('+1.5%');
    expect(trailTriggerText({ value: '500.0', unit: 'quote' }, 1)).toBe('+500');
    expect(() => trailTriggerText({ value: '500.05', unit: 'quote' }, 1)).toThrow(/at most 1 decimals/);
    expect(() => trailTriggerText({ value: '100', unit: 'percent' }, 1)).toThrow(/below 100/);
    expect(() => trailTriggerText({ value: '0.125', unit: 'percent' }, 1)).toThrow(/2 decimals/);
    expect(() => trailTriggerText({ value: '-1', unit: 'quote' }, 1)).toThrow(/positive/);
  });
});

describe('amending a trailing stop’s offset', () => {
  function setup(orderType: string) {
    const sent: AmendOrderParams[] = [];
    const amender = createAmender({
      rest: {
        amendOrder: async (p: AmendOrderParams) => {
          sent.push(p);
          return { amend_id: 'A1' };
        },
        orderAmends: async () => ({ amends: [], count: 0 }),
        tradingLimiter: { acquire: async () => () => {}, remember: () => {} },
      } as never,
      session: () => null,
      ordersVia: () => 'rest',
      order: (id) => ({ order_id: id, symbol: 'BTC/USD', order_type: orderType }),
      rulesFor: () => BTC_USD_RULES,
    });
    return { amender, sent };
  }

  it('over REST: trigger_price "+2%" for the order, nothing else', async () => {
    const { amender, sent } = setup('trailing-stop');
    await amender.amend('OTRAIL-AAAAA-BBBBBB', { trailOffset: { value: '2', unit: 'percent' } });
    expect(sent).toEqual([
      { txid: 'OTRAIL-AAAAA-BBBBBB', trigger_price: '+2%', pair: BTC_USD_RULES.altname },
    ]);
  });

  it('refuses an offset for an order that does not trail, and sends nothing', async () => {
    const { amender, sent } = setup('stop-loss');
    await expect(
      amender.amend('OSTOPP-AAAAA-BBBBBB', { trailOffset: { value: '2', unit: 'percent' } }),
    ).rejects.toThrow('Only a trailing stop has a trailing offset to amend.');
    expect(sent).toEqual([]);
  });

  it('over the WebSocket: trigger_price as a positive number with trigger_price_type pct or quote', async () => {
    const requests: [string, Record<string, unknown>][] = [];
    const session = {
      privateRequest: async (method: string, params: Record<string, unknown>) => {
        requests.push([method, params]);
        return { result: { amend_id: 'A1' } };
      },
    } as unknown as WsSession;
    await wsAmendOrder(session)({ txid: 'O1', trigger_price: '+2%' });
    await wsAmendOrder(session)({ txid: 'O1', trigger_price: '+500.0' });
    await wsAmendOrder(session)({ txid: 'O1', trigger_price: '86000.0' });
    expect(requests).toEqual([
      ['amend_order', { order_id: 'O1', trigger_price: 2, trigger_price_type: 'pct' }],
      ['amend_order', { order_id: 'O1', trigger_price: 500, trigger_price_type: 'quote' }],
      ['amend_order', { order_id: 'O1', trigger_price: 86000 }],
    ]);
  });
});
