// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CrossRule } from '../../../lib/alerts/rules.ts';
import type { AlertsView, RuleStatus } from '../../../lib/alerts/service.ts';
import { AlertsPanel } from '../../../lib/ui/AlertsPanel.tsx';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import { alertActions } from '../../support/alert-actions.ts';

afterEach(cleanup);

const rule = (id: string, symbol: string): CrossRule => ({
  id,
  kind: 'cross',
  symbol,
  direction: 'above',
  level: '100',
  rearmBand: '0',
  source: 'last',
  repeat: { kind: 'once' },
  expiresAt: null,
  paused: false,
  snoozedUntil: null,
  createdAt: 0,
});

function view(statuses: [CrossRule, RuleStatus][], extra: Partial<AlertsView> = {}): AlertsView {
  return {
    rules: statuses.map(([r, status]) => ({
      rule: r,
      status,
      fires: 0,
      lastFiredAt: null,
    })),
    log: [],
    notifyFailures: 0,
    ...extra,
  };
}

const actions = alertActions;

describe('alerts panel: the notification actions on each row (Firefox has no notification buttons)', () => {
  it('offers Snooze 1 h on armed rows and Open on Kraken on every row; highlights the clicked pair', () => {
    const a = actions();
    render(
      <AlertsPanel
        alerts={view([
          [rule('r1', 'ETH/USD'), 'armed'],
          [rule('r2', 'BTC/USD'), 'snoozed'],
        ])}
        actions={a}
        focused="ETH/USD"
      />,
    );
    const rows = screen.getAllByTestId('alert-row');
    expect(rows.map((r) => r.dataset.focused ?? null)).toEqual(['true', null]);
    expect(screen.getAllByTestId('alert-snooze')).toHaveLength(1); // a snoozed rule is not offered it again
    const links = screen.getAllByTestId('alert-open-kraken') as HTMLAnchorElement[];
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      'https://pro.kraken.com/app/trade/eth-usd',
      'https://pro.kraken.com/app/trade/btc-usd',
    ]);
    expect(links[0]?.target).toBe('_blank');
    const before = Date.now();
    fireEvent.click(screen.getByTestId('alert-snooze'));
    expect(a.snooze).toHaveBeenCalledWith('r1', expect.any(Number));
    const until = a.snooze.mock.calls[0]?.[1] ?? 0;
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - before).toBeLessThan(3_600_000 + 5_000);
  });

  it('says in the log when a firing could not be shown as a notification, and how often', () => {
    const log = [
      {
        ruleId: 'r1',
        symbol: 'ETH/USD',
        text: 'ETH/USD > 100: 101 · 14:02',
        price: 101,
        at: new Date(2026, 0, 1, 14, 2).getTime(),
        offline: false,
      },
      {
        ruleId: 'r1',
        symbol: 'ETH/USD',
        text: 'ETH/USD > 100: 102 · 14:01',
        price: 102,
        at: new Date(2026, 0, 1, 14, 1).getTime(),
        offline: false,
        notifyError: 'Property "buttons" is unsupported by Firefox',
      },
    ];
    render(
      <AlertsPanel
        alerts={view([[rule('r1', 'ETH/USD'), 'armed']], { log, notifyFailures: 3 })}
        actions={actions()}
      />,
    );
    const log$ = screen.getByTestId('alert-log');
    expect(log$.querySelector('summary')?.textContent).toBe(
      'Recent alerts (2) · 3 not shown as a notification',
    );
    expect([...log$.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'ETH/USD above 100: 101 at 14:02',
      'ETH/USD above 100: 102 at 14:01 — fired, but the notification could not be shown: Property "buttons" is unsupported by Firefox',
    ]);
  });

  it('writes each rule and log line in the page’s language; a deleted rule’s line is the one the log kept', () => {
    const entry = {
      symbol: 'ETH/USD',
      price: 101.5,
      at: new Date(2026, 0, 1, 3, 10).getTime(),
      offline: true,
      changePct: 5.123,
    };
    const log = [
      { ...entry, ruleId: 'r1', text: 'ETH/USD > 100: 101.5 (+5.12 %) · 03:10' },
      { ...entry, ruleId: 'gone', text: 'ETH/USD > 90: 101.5 (+5.12 %) · 03:10' },
    ];
    render(
      <LocaleContext.Provider value="fr">
        <AlertsPanel
          alerts={view([[{ ...rule('r1', 'ETH/USD'), level: '100.5' }, 'armed']], { log })}
          actions={actions()}
        />
      </LocaleContext.Provider>,
    );
    expect(screen.getByText('ETH/USD au-dessus de 100,5')).toBeTruthy();
    expect([...screen.getByTestId('alert-log').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'ETH/USD au-dessus de 100,5\u202f: 101,5 (+5,12\u00a0%) hors ligne, à 03:10',
      'ETH/USD > 90: 101.5 (+5.12 %) · 03:10',
    ]);
  });
});
