// The background's vault service: the messaging contract's vault requests, the key checks, and auto-lock.
import type { NonceScale } from '../kraken/auth/nonce.ts';
import { endpointUrls } from '../settings/endpoints.ts';
import type { SettingsStore } from '../settings/store.ts';
import { VaultError } from './errors.ts';
import type { KeySecrets, KeyVerification } from './format.ts';
import type { VaultView } from './types.ts';
import { checkSecrets, type NewKey, type Vault } from './vault.ts';

/** A key to check: its secrets, the endpoint it is bound to (the only one it signs for) and its scale. */
export interface KeyToCheck extends KeySecrets {
  endpoint: string;
  nonceScale: NonceScale;
}

export interface VaultServiceDeps {
  vault: Vault;
  settings: SettingsStore;
  /** Arms (a time in ms) or clears (null) the auto-lock alarm (chrome.alarms in the extension). */
  scheduleAutoLock(at: number | null): Promise<void>;
  /** Asks the key's own exchange what it may do (lib/vault/key-check.ts), signing for that endpoint only. */
  checkKey(key: KeyToCheck): Promise<KeyVerification>;
  /** Messages the background refused since the browser started (trust boundary), for the options page. */
  refusedMessages(): Promise<{ untrusted: number; malformed: number }>;
  now(): number;
}

/** How a key is added or replaced: its scale, and whether the person confirmed a key that can withdraw. */
export interface KeyChoices {
  nonceScale?: NonceScale;
  /** Set only by the person's explicit confirmation of the withdraw warning. */
  allowWithdraw?: boolean;
}

export function createVaultService(deps: VaultServiceDeps) {
  const { vault, settings } = deps;
  /**
   * The active key right now, readable synchronously by every signed request of live trading
   * (lib/trading/live/revocable-fetch.ts). Cleared BEFORE any change that can move it, so from that moment
   * nothing more is signed with the old key; set again once the change is stored.
   */
  let active: { id: string; keyVersion: number; endpoint: string } | null = null;
  /** The checks that follow an unlock (null: none running). */
  let rechecking: Promise<void> | null = null;

  async function refreshActive(): Promise<void> {
    active = await vault.activeRef().catch(() => null);
  }

  /** A change that may move the active key: signing stops first, and resumes with whatever is active after. */
  async function moving<T>(fn: () => Promise<T>): Promise<T> {
    active = null;
    try {
      return await fn();
    } finally {
      await refreshActive();
    }
  }

  async function view(): Promise<VaultView> {
    return {
      status: await vault.status(),
      keys: await vault.listKeys(),
      damaged: await vault.listDamaged(),
      checking: rechecking !== null,
      endpoint: endpointUrls(settings.current().endpoints).rest,
      autoLockMinutes: settings.current().autoLockMinutes,
      refused: await deps.refusedMessages(),
    };
  }

  /** Any use of the vault counts as activity: push the auto-lock deadline out. */
  async function touch(): Promise<void> {
    const minutes = settings.current().autoLockMinutes;
    const unlocked = (await vault.status()) === 'unlocked';
    await deps.scheduleAutoLock(unlocked && minutes > 0 ? deps.now() + minutes * 60_000 : null);
  }

  let lastUse = Number.NEGATIVE_INFINITY;
  /**
   * Any use of the extension (a request, a popup, options or side page opened) counts as activity, as the
   * auto-lock label says: the lock is pushed out, at most once every 30 s (each push sets two alarms).
   */
  function used(): void {
    if (deps.now() - lastUse < 30_000) return;
    lastUse = deps.now();
    void touch().catch(() => {});
  }

  /** The exchange's answer, or why it could not be had: a check never stops a key from being saved. */
  async function check(key: KeyToCheck): Promise<KeyVerification> {
    try {
      return await deps.checkKey(key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'unverified', at: deps.now(), reason };
    }
  }

  /** A key that can withdraw is stored only once the person has confirmed it (nothing is stored before). */
  function refuseWithdraw(verification: KeyVerification, choices: KeyChoices): void {
    if (verification.status !== 'verified' || verification.withdraw !== 'yes' || choices.allowWithdraw)
      return;
    const rights = verification.permissions?.join(', ');
    throw new VaultError('withdraw-rights', rights ? `its permissions: ${rights}` : undefined);
  }

  async function requireUnlocked(): Promise<void> {
    const status = await vault.status();
    if (status === 'empty') throw new VaultError('no-vault');
    if (status === 'locked') throw new VaultError('locked');
  }

  /**
   * After an unlock: asks every key's own exchange again what it may do (a key's rights can change on Kraken).
   * Only a definite answer replaces the stored one; an unreachable exchange leaves it as it was.
   */
  async function recheckAll(): Promise<void> {
    for (const key of await vault.allSecrets().catch(() => [])) {
      const verification = await check(key);
      if (verification.status === 'unverified') continue;
      if ((await vault.status()) !== 'unlocked') return;
      await vault.setVerification(key.id, verification, key.keyVersion).catch(() => {});
    }
  }

  function startRechecks(): void {
    const run = recheckAll()
      .catch(() => {})
      .finally(() => {
        if (rechecking === run) rechecking = null;
      });
    rechecking = run;
  }

  async function act(fn: () => Promise<unknown>): Promise<VaultView> {
    await fn();
    await touch();
    return view();
  }

  return {
    /** On worker start: stay unlocked across a worker restart (session storage), locked after a browser restart. */
    async start(): Promise<void> {
      await vault.restore();
      await refreshActive();
    },
    view,
    touch,
    used,
    /** The active key, its version and endpoint, synchronously (null: locked, empty, or being changed). */
    activeKey: () => active,
    /** Resolves once the checks that followed the last unlock are done (tests; the view says `checking`). */
    rechecked: (): Promise<void> => rechecking ?? Promise.resolve(),
    create: (passphrase: string) => act(() => moving(() => vault.create(passphrase))),
    unlock: (passphrase: string) =>
      act(async () => {
        await moving(() => vault.unlock(passphrase));
        startRechecks();
      }),
    lock: () => act(() => moving(() => vault.lock())),
    /** Checks the key with its own endpoint first; stores it bound to the endpoint configured now. */
    addKey: (key: NewKey & KeyChoices) =>
      act(async () => {
        await requireUnlocked();
        const secrets = checkSecrets(key);
        const endpoint = endpointUrls(settings.current().endpoints).rest;
        const nonceScale = key.nonceScale ?? 'ms';
        const verification = await check({ ...secrets, endpoint, nonceScale });
        refuseWithdraw(verification, key);
        await moving(() => vault.addKey({ ...key, endpoint, nonceScale, verification }));
      }),
    /** New credentials for a key: checked with the key's own endpoint, which stays the same. */
    replaceKey: (id: string, key: Omit<NewKey, 'label'> & KeyChoices) =>
      act(async () => {
        await requireUnlocked();
        const secrets = checkSecrets(key);
        const stored = (await vault.listKeys()).find((k) => k.id === id);
        if (!stored)
          throw new VaultError(
            (await vault.listDamaged()).some((d) => d.id === id) ? 'record-damaged' : 'not-found',
          );
        const nonceScale = key.nonceScale ?? stored.nonceScale;
        const verification = await check({ ...secrets, endpoint: stored.endpoint, nonceScale });
        refuseWithdraw(verification, key);
        const change = () => vault.replaceKey(id, { ...secrets, nonceScale, verification });
        // Replacing the active key's credentials moves the live account; another key's does not.
        await (active?.id === id ? moving(change) : change());
      }),
    relabel: (id: string, label: string) => act(() => vault.relabel(id, label)),
    removeKey: (id: string) =>
      act(() => (active?.id === id ? moving(() => vault.removeKey(id)) : vault.removeKey(id))),
    setActive: (id: string) =>
      act(() => (active?.id === id ? vault.setActive(id) : moving(() => vault.setActive(id)))),
    /** Forgets every key (typed confirmation); alerts, the paper account, nonces and intents stay. */
    reset: (confirm: string) => act(() => moving(() => vault.reset(confirm))),
    setAutoLock: (minutes: number) => act(() => settings.update((s) => ({ ...s, autoLockMinutes: minutes }))),
    /** The auto-lock alarm fired. */
    autoLock: () => moving(() => vault.lock()),
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
