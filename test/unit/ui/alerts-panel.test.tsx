// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrossRule } from '../../../lib/alerts/rules.ts';
import type { AlertsView, RuleStatus } from '../../../lib/alerts/service.ts';
import { AlertsPanel } from '../../../lib/ui/AlertsPanel.tsx';

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

const actions = () => ({
  create: vi.fn(async () => null),
  edit: vi.fn(async () => null),
  remove: vi.fn(async () => null),
  setPaused: vi.fn(async () => null),
  snooze: vi.fn(async (_id: string, _until: number) => null),
});

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
        text: 'ETH/USD above 100: 101 at 14:02',
        price: 101,
        at: 2,
        offline: false,
      },
      {
        ruleId: 'r1',
        symbol: 'ETH/USD',
        text: 'ETH/USD above 100: 102 at 14:01',
        price: 102,
        at: 1,
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
});
