// The session's desired subscriptions: what the caller wants, independent of whether a connection is up.
// Every (re)connect replays the whole set, so nobody has to resubscribe after a drop.
import { type Subscription, subscriptionKey } from './protocol.ts';

export function createDesiredSet() {
  const desired = new Map<string, Subscription>();
  return {
    /** True when the subscription was not desired yet (and should be sent now if connected). */
    add(sub: Subscription): boolean {
      const key = subscriptionKey(sub);
      if (desired.has(key)) return false;
      desired.set(key, sub);
      return true;
    },
    /** True when the subscription was desired (and should be unsubscribed now if connected). */
    remove(sub: Subscription): boolean {
      return desired.delete(subscriptionKey(sub));
    },
    has: (sub: Subscription): boolean => desired.has(subscriptionKey(sub)),
    /** In the order they were first wanted: the replay order. */
    all: (): Subscription[] => [...desired.values()],
    get size(): number {
      return desired.size;
    },
  };
}
