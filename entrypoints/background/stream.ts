// What the stream port sends: each service's snapshot first, then its changes (lib/messaging/server.ts).
import type { StreamSource } from '../../lib/messaging/server.ts';
import type { Services } from './services.ts';

export const streamSources: readonly StreamSource<Services>[] = [
  {
    initial: (s) => ({ type: 'snapshot', snapshot: s.market.snapshot() }),
    // Public trades feed the paper account only; the popup does not need them. Sparklines have their source.
    subscribe: (s, post) =>
      s.market.subscribe((event) => event.type !== 'trades' && event.type !== 'sparklines' && post(event)),
  },
  {
    initial: (s) => ({ type: 'sparklines', sparklines: s.market.sparklines() }),
    subscribe: (s, post) => s.market.subscribe((event) => event.type === 'sparklines' && post(event)),
  },
  {
    initial: async (s) => ({ type: 'alerts', alerts: await s.alerts.view() }),
    subscribe: (s, post) => s.alerts.subscribe((alerts) => post({ type: 'alerts', alerts })),
  },
  {
    initial: (s) => ({ type: 'trading', trading: s.trading.view() }),
    subscribe: (s, post) => s.trading.subscribe((trading) => post({ type: 'trading', trading })),
  },
];
