// The `kr` keyword's grammar: every accepted form, and every way it refuses, in English and in French.
import { describe, expect, it } from 'vitest';
import { MAX_INPUT, parseOmnibox } from '../../../lib/launch/omnibox-parse.ts';

describe('parseOmnibox', () => {
  it.each([
    ['', { kind: 'help' }],
    ['   ', { kind: 'help' }],
    ['btc', { kind: 'market', query: 'btc' }],
    [' BTC/EUR ', { kind: 'market', query: 'BTC/EUR' }],
    ['xbtusd', { kind: 'market', query: 'xbtusd' }],
    ['xdg-usd', { kind: 'market', query: 'xdg-usd' }],
  ])('%j is %j', (text, command) => {
    expect(parseOmnibox(text, 'en')).toEqual(command);
  });

  it.each([
    ['buy 0.01 btc 60000', 'en', { side: 'buy', amount: '0.01', query: 'btc', price: '60000' }],
    ['BUY 0.01 BTC @ 60000', 'en', { side: 'buy', amount: '0.01', query: 'BTC', price: '60000' }],
    ['buy 0.01 btc@60000.5', 'en', { side: 'buy', amount: '0.01', query: 'btc', price: '60000.5' }],
    ['buy 0.01 btc at 60000', 'en', { side: 'buy', amount: '0.01', query: 'btc', price: '60000' }],
    ['sell 0.5 eth/eur', 'en', { side: 'sell', amount: '0.5', query: 'eth/eur', price: null }],
    ['sell .5 eth', 'en', { side: 'sell', amount: '0.5', query: 'eth', price: null }],
    ['achat 0,01 btc 60000', 'fr', { side: 'buy', amount: '0.01', query: 'btc', price: '60000' }],
    ['achète 0,01 btc à 60000,5', 'fr', { side: 'buy', amount: '0.01', query: 'btc', price: '60000.5' }],
    ['vente 1,5 eth', 'fr', { side: 'sell', amount: '1.5', query: 'eth', price: null }],
    ['buy 0,01 btc 60000', 'fr', { side: 'buy', amount: '0.01', query: 'btc', price: '60000' }],
  ])('%j (%s) is an order', (text, locale, order) => {
    expect(parseOmnibox(text, locale as 'en' | 'fr')).toEqual({ kind: 'order', ...order });
  });

  it.each([
    ['alert btc > 100000', 'en', { query: 'btc', direction: 'above', level: '100000' }],
    ['alert btc>100000', 'en', { query: 'btc', direction: 'above', level: '100000' }],
    ['alert btc >= 100000', 'en', { query: 'btc', direction: 'above', level: '100000' }],
    ['alert eth/usd < 2500.5', 'en', { query: 'eth/usd', direction: 'below', level: '2500.5' }],
    ['alert btc below 90000', 'en', { query: 'btc', direction: 'below', level: '90000' }],
    ['alerte btc au-dessus de 100000', 'fr', { query: 'btc', direction: 'above', level: '100000' }],
    ['alerte btc en dessous de 90000,5', 'fr', { query: 'btc', direction: 'below', level: '90000.5' }],
    ['alerte sol sous 120', 'fr', { query: 'sol', direction: 'below', level: '120' }],
  ])('%j (%s) is an alert', (text, locale, alert) => {
    expect(parseOmnibox(text, locale as 'en' | 'fr')).toEqual({ kind: 'alert', ...alert });
  });

  it.each([
    ['buy', 'order', null],
    ['buy 0.01', 'order', null],
    ['buy btc 0.01', 'order', { name: 'amount', problem: 'invalid', text: 'btc' }],
    ['buy 0.01 btc 60000 70000', 'order', null],
    ['buy 0.01 btc @', 'order', null],
    ['buy 0 btc', 'order', { name: 'amount', problem: 'zero', text: '0' }],
    ['buy 0.000 btc', 'order', { name: 'amount', problem: 'zero', text: '0.000' }],
    ['buy -1 btc', 'order', { name: 'amount', problem: 'sign', text: '-1' }],
    ['buy 1e3 btc', 'order', { name: 'amount', problem: 'exponent', text: '1e3' }],
    ['buy 0.01 btc 60,000', 'order', { name: 'price', problem: 'ambiguous', text: '60,000' }],
    ['buy 0,5 btc', 'order', { name: 'amount', problem: 'wrong-separator', text: '0,5' }],
    ['buy 0.01 b!tc', 'order', null],
    ['alert btc', 'alert', null],
    ['alert btc 100000', 'alert', null],
    ['alert btc = 100000', 'alert', null],
    ['alert btc > 1,000', 'alert', { name: 'level', problem: 'ambiguous', text: '1,000' }],
    ['alert btc > 0', 'alert', { name: 'level', problem: 'zero', text: '0' }],
    ['alert > 100000', 'alert', null],
    ['btc eth', 'unknown', null],
    ['constructor 1 btc', 'unknown', null],
    ['__proto__', 'unknown', null],
    ['<script>', 'unknown', null],
  ])('%j is refused (%s syntax)', (text, syntax, field) => {
    expect(parseOmnibox(text, 'en')).toEqual({ kind: 'invalid', syntax, field, text });
  });

  it('refuses French numbers the French way: a point, and 1,000', () => {
    expect(parseOmnibox('achat 0.5 btc', 'fr')).toMatchObject({
      kind: 'invalid',
      field: { name: 'amount', problem: 'wrong-separator' },
    });
    expect(parseOmnibox('achat 1,000 btc', 'fr')).toMatchObject({
      kind: 'invalid',
      field: { name: 'amount', problem: 'ambiguous' },
    });
  });

  it(`does not read input longer than ${MAX_INPUT} characters`, () => {
    expect(parseOmnibox(`buy 1 btc ${'1'.repeat(MAX_INPUT)}`, 'en')).toMatchObject({
      kind: 'invalid',
      syntax: 'unknown',
    });
  });
});
