// Whether the live account can be switched to now, from the vault as the background shows it: live trading
// needs an active key bound to the configured endpoint (lib/vault/binding.ts) and the vault unlocked. Pure, so
// the rule is tested alone; the mode bar asks the vault on each "Switch to live" (never a stale answer).
import { sameEndpoint } from '../../vault/binding.ts';
import type { VaultView } from '../../vault/types.ts';

export type LiveGate =
  /** No key at all, or none active. */
  | { kind: 'no-key' }
  /** The active key signs for another endpoint than the configured one. */
  | { kind: 'other-endpoint'; label: string }
  /** A key for this endpoint, the vault locked: unlock first. */
  | { kind: 'locked'; label: string; hint: string }
  /** Ready: the confirmation names the key orders will be signed with. */
  | { kind: 'ready'; label: string; hint: string };

export function liveGate(vault: Pick<VaultView, 'status' | 'keys' | 'endpoint'>): LiveGate {
  const key = vault.keys.find((k) => k.active);
  if (vault.status === 'empty' || !key) return { kind: 'no-key' };
  if (!sameEndpoint(key.endpoint, vault.endpoint)) return { kind: 'other-endpoint', label: key.label };
  if (vault.status === 'locked') return { kind: 'locked', label: key.label, hint: key.apiKeyHint };
  return { kind: 'ready', label: key.label, hint: key.apiKeyHint };
}
