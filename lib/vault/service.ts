// The background's vault service: the messaging contract's vault requests, and auto-lock after idle.
import type { VaultView } from '../messaging/protocol.ts';
import type { SettingsStore } from '../settings/store.ts';
import type { KeySecrets, KeyVerification } from './format.ts';
import type { NewKey, Vault } from './vault.ts';

export interface VaultServiceDeps {
  vault: Vault;
  settings: SettingsStore;
  /** Arms (a time in ms) or clears (null) the auto-lock alarm (chrome.alarms in the extension). */
  scheduleAutoLock(at: number | null): Promise<void>;
  /** Asks the configured exchange what a key may do (lib/vault/key-check.ts). */
  checkKey(secrets: KeySecrets): Promise<KeyVerification>;
  /** Messages the background refused since the browser started (trust boundary), for the options page. */
  refusedMessages(): Promise<{ untrusted: number; malformed: number }>;
  now(): number;
}

export function createVaultService(deps: VaultServiceDeps) {
  const { vault, settings } = deps;
  /**
   * The active key right now, readable synchronously by every signed request of live trading
   * (lib/trading/live/revocable-fetch.ts). Cleared BEFORE any change that can move it, so from that moment
   * nothing more is signed with the old key; set again once the change is stored.
   */
  let active: { id: string; keyVersion: number } | null = null;

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

  /** The key is saved first; whatever the check says (or if it fails), it stays saved. */
  async function verify(id: string, key: Omit<NewKey, 'label'>): Promise<void> {
    let verification: KeyVerification;
    try {
      verification = await deps.checkKey({
        apiKey: key.apiKey.trim(),
        apiSecret: key.apiSecret.trim(),
        ...(key.otp?.trim() ? { otp: key.otp.trim() } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      verification = { status: 'unverified', at: deps.now(), reason };
    }
    await vault.setVerification(id, verification);
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
    /** The active key and its version, synchronously (null: locked, empty, or being changed). */
    activeKey: () => active,
    create: (passphrase: string) => act(() => moving(() => vault.create(passphrase))),
    unlock: (passphrase: string) => act(() => moving(() => vault.unlock(passphrase))),
    lock: () => act(() => moving(() => vault.lock())),
    addKey: (key: NewKey) =>
      act(async () => {
        const added = await moving(() => vault.addKey(key));
        await verify(added.id, key);
      }),
    replaceKey: (id: string, key: Omit<NewKey, 'label'>) =>
      act(async () => {
        // Replacing the active key's credentials moves the live account; another key's does not.
        await (active?.id === id ? moving(() => vault.replaceKey(id, key)) : vault.replaceKey(id, key));
        await verify(id, key);
      }),
    relabel: (id: string, label: string) => act(() => vault.relabel(id, label)),
    removeKey: (id: string) =>
      act(() => (active?.id === id ? moving(() => vault.removeKey(id)) : vault.removeKey(id))),
    setActive: (id: string) =>
      act(() => (active?.id === id ? vault.setActive(id) : moving(() => vault.setActive(id)))),
    setAutoLock: (minutes: number) => act(() => settings.update((s) => ({ ...s, autoLockMinutes: minutes }))),
    /** The auto-lock alarm fired. */
    autoLock: () => moving(() => vault.lock()),
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
