// Notifications speak the person's language: the setting, or the browser's when it says `auto` (issue 20), with
// numbers written the language's way by the one formatter.
import { describe, expect, it } from 'vitest';
import {
  alertButtons,
  alertText,
  autoLockText,
  fillText,
  speakerOf,
  testText,
} from '../../../entrypoints/background/notify-text.ts';
import type { AlertRule } from '../../../lib/alerts/rules.ts';
import type { AlertLogEntry } from '../../../lib/alerts/types.ts';
import type { FillView } from '../../../lib/orders/types.ts';

const EN = speakerOf('en', ['fr-FR']);
const FR = speakerOf('fr', ['en-US']);
const base = {
  id: 'r1',
  symbol: 'BTC/USD',
  source: 'last',
  repeat: { kind: 'once' },
  expiresAt: null,
  paused: false,
  snoozedUntil: null,
  createdAt: 0,
} as const;
const cross: AlertRule = { ...base, kind: 'cross', direction: 'above', level: '100000', rearmBand: '0' };
const move: AlertRule = { ...base, kind: 'move', percent: 5, windowMs: 15 * 60_000 };
// 14:02 local time, whatever the machine's time zone.
const at = new Date(2026, 2, 12, 14, 2).getTime();
const entry = (over: Partial<AlertLogEntry> = {}): AlertLogEntry => ({
  ruleId: 'r1',
  symbol: 'BTC/USD',
  text: 'ignored',
  price: 100012.5,
  at,
  offline: false,
  ...over,
});
const fill: FillView = {
  id: 'E1',
  orderId: 'O1',
  symbol: 'BTC/USD',
  side: 'buy',
  qty: '0.0125',
  price: '61250.5',
  fee: '1.9140',
  feeAsset: 'USD',
  liquidity: 'taker',
  complete: true,
  at,
};

describe('notification texts', () => {
  it('`auto` follows the browser: French for a French browser, English for any language we lack', () => {
    expect(speakerOf('auto', ['fr-CA']).locale).toBe('fr');
    expect(speakerOf('auto', ['de-DE']).locale).toBe('en');
    expect(speakerOf('en', ['fr-FR']).locale).toBe('en');
  });

  it('a level alert, in English and in French', () => {
    expect(alertText(entry(), cross, EN)).toEqual({
      title: 'BTC/USD above 100,000',
      message: expect.stringMatching(/^100,012\.5 at 2:02\sPM$/),
    });
    expect(alertText(entry(), cross, FR)).toEqual({
      title: 'BTC/USD au-dessus de 100\u202f000',
      message: '100\u202f012,5 à 14:02',
    });
    expect(alertText(entry({ offline: true }), { ...cross, direction: 'below' }, FR).message).toBe(
      '100\u202f012,5 à 14:02, hors ligne',
    );
  });

  it('a % move says its size, its window (plural by the language) and the move that fired it', () => {
    expect(alertText(entry({ changePct: -5.123 }), move, EN)).toEqual({
      title: 'BTC/USD moved 5.00% within 15 minutes',
      message: expect.stringMatching(/^100,012\.5 \(\u22125\.12%\) at 2:02\sPM$/),
    });
    expect(alertText(entry({ changePct: 5.5 }), { ...move, windowMs: 60_000 }, FR)).toEqual({
      title: 'BTC/USD a varié de 5,00\u00a0% en 1 minute',
      message: '100\u202f012,5 (+5,50\u00a0%) à 14:02',
    });
  });

  it('a rule removed before its firing was shown keeps the words the log kept', () => {
    expect(alertText(entry({ text: 'BTC/USD above 100000: 100012.5 at 14:02' }), undefined, FR)).toEqual({
      title: 'BTC/USD above 100000',
      message: '100012.5 at 14:02',
    });
  });

  it('the alert buttons, in onButtonClicked order', () => {
    expect(alertButtons(EN)).toEqual(['Open on Kraken', 'Snooze 1 hour']);
    expect(alertButtons(FR)).toEqual(['Ouvrir sur Kraken', 'Mettre en sommeil 1 heure']);
  });

  it('a fill: paper fills say so; amounts keep their digits', () => {
    expect(fillText(fill, 'live', EN)).toEqual({
      title: 'Order filled',
      message: 'Bought 0.0125 BTC at 61,250.5 USD · fee 1.914 USD',
    });
    expect(fillText({ ...fill, side: 'sell', complete: false }, 'paper', FR)).toEqual({
      title: 'Ordre fictif exécuté en partie',
      message: 'Vente de 0,0125 BTC à 61\u202f250,5 USD · frais 1,914 USD',
    });
  });

  it('the auto-lock warning and the test notification', () => {
    expect(autoLockText(FR).title).toBe('Verrouillage dans 1 minute');
    expect(autoLockText(EN).message).toMatch(/dead man’s switch/);
    expect(testText(FR)).toEqual({
      title: 'Trader for Kraken',
      message: 'Les alertes ressembleront à ceci.',
    });
  });
});
