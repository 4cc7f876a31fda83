// @vitest-environment happy-dom
// Kraken's own check of a live order (AddOrder validate=true) in the page's language: its description as Kraken
// wrote it, and when it gave none, our sentence in French (it used to be an English fallback from the background).
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { KrakenLine } from '../../../lib/ticket/TicketPreview.tsx';
import { LocaleContext } from '../../../lib/ui/locale.ts';

afterEach(cleanup);

const line = (description: string) => {
  render(
    <LocaleContext.Provider value="fr">
      <KrakenLine check={{ kind: 'accepted', description }} />
    </LocaleContext.Provider>,
  );
  return screen.getByTestId('ticket-kraken').textContent;
};

describe('Kraken accepts the order, in French', () => {
  it('with Kraken’s description as it wrote it', () => {
    expect(line('buy 0.01 XBTUSD @ limit 60000')).toBe('Kraken accepte\u202f: buy 0.01 XBTUSD @ limit 60000');
  });

  it('without one: a French sentence, not an English fallback', () => {
    expect(line('')).toBe('Kraken accepte l’ordre.');
  });
});
