// Why there is no live account (no key, a key for another endpoint, the vault locked): the status the Trade tab
// shows and what a live order is told. Codes only: the page says them in its language (live-text.ts, error-text.ts).
import { TradingUnavailable } from './errors.ts';
import type { LiveStatus } from './types.ts';

/** Why there is no live account: the status shown, and what a live order is told. */
export type NoLiveAccount = Extract<LiveStatus, { kind: 'no-key' | 'locked' }>;

export const NO_KEY: NoLiveAccount = { kind: 'no-key', otherEndpoint: false };
const LOCKED: NoLiveAccount = { kind: 'locked' };
/** The active key was added for another endpoint (keys sign only for their own: lib/vault/binding.ts). */
const NO_KEY_FOR_ENDPOINT: NoLiveAccount = { kind: 'no-key', otherEndpoint: true };

export function noLiveAccount(kind: 'no-key' | 'no-key-for-endpoint' | 'locked'): NoLiveAccount {
  switch (kind) {
    case 'no-key':
      return NO_KEY;
    case 'no-key-for-endpoint':
      return NO_KEY_FOR_ENDPOINT;
    case 'locked':
      return LOCKED;
    default: {
      const never: never = kind;
      throw new RangeError(`unknown live access ${String(never)}`);
    }
  }
}

/** The reason a live order is refused for, as the page tells them apart (error-text.ts). */
export const reasonOf = (why: NoLiveAccount): TradingUnavailable['reason'] =>
  why.kind === 'locked' ? 'locked' : why.otherEndpoint ? 'other-endpoint' : 'no-key';

/** What a live order (or switching to live) is told when there is no live account; its message is the code. */
export const unavailable = (why: NoLiveAccount): TradingUnavailable =>
  new TradingUnavailable(reasonOf(why), reasonOf(why));
