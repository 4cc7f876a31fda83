// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleContext } from '../../../../lib/ui/locale.ts';
import { AnnouncedMaintenance, maintenanceWindow } from '../../../../lib/ui/trading/MarketStatus.tsx';

afterEach(cleanup);

const START = Date.parse('2026-12-07T02:00:00Z');
const END = Date.parse('2026-12-07T04:30:00Z');

describe('announced maintenance in the Trade tab and the side panel', () => {
  it('its window in the person’s time zone and language', () => {
    expect(maintenanceWindow(START, END, 'en', 'Europe/Paris')).toMatch(
      /^Dec 7, 2026, 3:00\s?[–-]\s?5:30\sAM$/,
    );
    expect(maintenanceWindow(START, END, 'fr', 'Europe/Paris')).toMatch(
      /^7 déc\. 2026, 03:00\s?[–-]\s?05:30$/,
    );
    // Across midnight, both dates.
    expect(maintenanceWindow(START, END + 86_400_000, 'en', 'UTC')).toContain('Dec 8, 2026');
  });

  it('says what is announced with its title, in French too; nothing when none; "unknown" quietly', () => {
    const announced = {
      kind: 'announced',
      name: 'Engine upgrade',
      start: START,
      end: END,
      inProgress: false,
    } as const;
    const when = maintenanceWindow(START, END, 'fr');
    render(
      <LocaleContext.Provider value="fr">
        <AnnouncedMaintenance maintenance={{ ...announced, url: 'https://stspg.io/abc' }} />
      </LocaleContext.Provider>,
    );
    const line = screen.getByTestId('maintenance');
    expect(line.dataset.kind).toBe('announced');
    expect(line.textContent).toBe(`Maintenance de Kraken annoncée\u202f: Engine upgrade, ${when}. Détails`);
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://stspg.io/abc');
    cleanup();
    render(<AnnouncedMaintenance maintenance={{ ...announced, inProgress: true }} />);
    expect(screen.getByTestId('maintenance').textContent).toBe(
      `Kraken maintenance under way: Engine upgrade, ${maintenanceWindow(START, END, 'en')}.`,
    );
    cleanup();
    render(<AnnouncedMaintenance maintenance={{ kind: 'none' }} />);
    expect(screen.queryByTestId('maintenance')).toBeNull();
    render(<AnnouncedMaintenance maintenance={{ kind: 'unknown' }} />);
    expect(screen.getByTestId('maintenance').dataset.kind).toBe('unknown');
    expect(screen.getByTestId('maintenance').textContent).toBe(
      'Announced maintenance: unknown (Kraken’s status page could not be read).',
    );
  });
});
