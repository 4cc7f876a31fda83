// Why there is no live account (no key, a key for another endpoint, the vault locked): the status the Trade tab
// shows and what a live order is told.
import type { LiveStatus } from './types.ts';

/** Why there is no live account: the status shown, and what a live order is told. */
export type NoLiveAccount = Extract<LiveStatus, { kind: 'no-key' | 'locked' }>;

export const NO_KEY: NoLiveAccount = { kind: 'no-key', message: 'Add an API key in Settings to trade live.' };
const LOCKED: NoLiveAccount = { kind: 'locked', message: 'Unlock the vault to trade live.' };
/** The active key was added for another endpoint (keys sign only for their own: lib/vault/binding.ts). */
const NO_KEY_FOR_ENDPOINT: NoLiveAccount = {
  kind: 'no-key',
  message: 'Add a key for this endpoint to trade live; paper trading works meanwhile.',
};

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
