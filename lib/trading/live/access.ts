// Which live account can trade right now: the vault's active key, for the configured endpoint — or why
// there is none. A key signs only for the endpoint it was added for (lib/vault/binding.ts): when the
// configured endpoint is another, there is no live account ('no-key-for-endpoint'). Each account is made with
// a REST client whose fetch stops sending the moment the vault or the endpoint no longer points at it, and
// never sends to another endpoint than the key's (revocable-fetch.ts), so a replaced key never signs again.

import {
  accountKey,
  type Clock,
  type FetchLike,
  type IntentAccount,
  type KrakenRest,
  keyIdOf,
  type NonceScale,
  type OrderIntent,
  type OrderIntentStore,
  type PairRules,
  type WsSession,
} from '../../kraken/index.ts';
import type { FillView } from '../../orders/types.ts';
import { sameEndpoint } from '../../vault/binding.ts';
import { createLiveAccount, type LiveAccount } from './account.ts';
import type { FillMarkStore } from './fill-ledger.ts';
import { revocableFetch } from './revocable-fetch.ts';

export interface ActiveKeyRef {
  /** The vault record's id and version: a replaced key has a higher version. */
  id: string;
  keyVersion: number;
}

/** The active key's material: its secrets, the one endpoint it signs for, its nonce scale (absent: ms). */
export type ActiveKeyMaterial = {
  apiKey: string;
  apiSecret: string;
  otp?: string;
  endpoint: string;
  nonceScale?: NonceScale;
} & ActiveKeyRef;

export interface LiveAccessDeps {
  vault: {
    status(): Promise<'empty' | 'locked' | 'unlocked'>;
    activeSecrets(): Promise<ActiveKeyMaterial>;
    /** Synchronous: the active key right now (null while locked or being changed). */
    activeKey(): ActiveKeyRef | null;
  };
  /** The configured endpoint, read synchronously at every request. */
  endpoints(): { rest: string; wsPrivate: string | null };
  /** A REST client for the key, against the key's own endpoint, sending through `fetch`. */
  restFor(secrets: ActiveKeyMaterial, fetch: FetchLike): KrakenRest;
  createSession(url: string, token: () => Promise<string>): WsSession;
  intents: OrderIntentStore;
  fillMarks: FillMarkStore;
  clock: Clock;
  rulesFor(symbol: string): PairRules | undefined;
  onChange(): void;
  /** Shows a fill's notification; resolves once shown or refused. */
  onFill(fill: FillView): Promise<void>;
  onIntent(intent: OrderIntent): void;
  /** The pairs whose fees matter (the watchlist). */
  feePairs?(): string[];
  fetch?: FetchLike;
}

export type LiveAccess =
  | { kind: 'ready'; id: string; account: IntentAccount; create(): LiveAccount }
  | { kind: 'no-key' }
  /** The active key was added for another endpoint than the configured one: it signs only for its own. */
  | { kind: 'no-key-for-endpoint'; keyEndpoint: string }
  | { kind: 'locked' };

export function createLiveAccess(deps: LiveAccessDeps): () => Promise<LiveAccess> {
  const baseFetch: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  return async () => {
    const status = await deps.vault.status();
    if (status === 'locked') return { kind: 'locked' };
    if (status === 'empty') return { kind: 'no-key' };
    const secrets = await deps.vault.activeSecrets().catch(() => null);
    const urls = deps.endpoints();
    if (!secrets || !urls.wsPrivate) return { kind: 'no-key' };
    if (!sameEndpoint(secrets.endpoint, urls.rest))
      return { kind: 'no-key-for-endpoint', keyEndpoint: secrets.endpoint };
    const wsPrivate = urls.wsPrivate;
    const account: IntentAccount = {
      keyId: keyIdOf(secrets.apiKey),
      keyVersion: secrets.keyVersion,
      endpoint: urls.rest,
    };
    const isCurrent = () => {
      const active = deps.vault.activeKey();
      return (
        active !== null &&
        active.id === secrets.id &&
        active.keyVersion === secrets.keyVersion &&
        deps.endpoints().rest === account.endpoint
      );
    };
    return {
      kind: 'ready',
      id: accountKey(account),
      account,
      create: () =>
        createLiveAccount({
          account,
          rest: deps.restFor(secrets, revocableFetch(baseFetch, isCurrent, secrets.endpoint)),
          createSession: (token) => deps.createSession(wsPrivate, token),
          intents: deps.intents,
          fillMarks: deps.fillMarks,
          clock: deps.clock,
          rulesFor: deps.rulesFor,
          onChange: deps.onChange,
          onFill: deps.onFill,
          onIntent: deps.onIntent,
          isCurrent,
          ...(deps.feePairs ? { feePairs: deps.feePairs } : {}),
        }),
    };
  };
}
