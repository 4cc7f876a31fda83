// Which live account can trade right now: the vault's active key, for the configured endpoint — or why
// there is none. Each account is made with a REST client whose fetch stops sending the moment the vault or
// the endpoint no longer points at it (revocable-fetch.ts), so a replaced key never signs again.
import type { FillMarkStore } from '../../db/fill-marks.ts';
import {
  accountKey,
  type Clock,
  type FetchLike,
  type IntentAccount,
  type KrakenRest,
  keyIdOf,
  type OrderIntent,
  type OrderIntentStore,
  type PairRules,
  type WsSession,
} from '../../kraken/index.ts';
import type { FillView } from '../../orders/types.ts';
import { createLiveAccount, type LiveAccount } from './account.ts';
import { revocableFetch } from './revocable-fetch.ts';

export interface ActiveKeyRef {
  /** The vault record's id and version: a replaced key has a higher version. */
  id: string;
  keyVersion: number;
}

export interface LiveAccessDeps {
  vault: {
    status(): Promise<'empty' | 'locked' | 'unlocked'>;
    activeSecrets(): Promise<{ apiKey: string; apiSecret: string; otp?: string } & ActiveKeyRef>;
    /** Synchronous: the active key right now (null while locked or being changed). */
    activeKey(): ActiveKeyRef | null;
  };
  /** The configured endpoint, read synchronously at every request. */
  endpoints(): { rest: string; wsPrivate: string | null };
  restFor(secrets: { apiKey: string; apiSecret: string; otp?: string }, fetch: FetchLike): KrakenRest;
  createSession(url: string, token: () => Promise<string>): WsSession;
  intents: OrderIntentStore;
  fillMarks: FillMarkStore;
  clock: Clock;
  rulesFor(symbol: string): PairRules | undefined;
  onChange(): void;
  onFill(fill: FillView): void;
  onIntent(intent: OrderIntent): void;
  /** The pairs whose fees matter (the watchlist). */
  feePairs?(): string[];
  fetch?: FetchLike;
}

export type LiveAccess =
  | { kind: 'ready'; id: string; account: IntentAccount; create(): LiveAccount }
  | { kind: 'no-key' }
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
          rest: deps.restFor(secrets, revocableFetch(baseFetch, isCurrent)),
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
