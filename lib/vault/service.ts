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
    },
    view,
    touch,
    create: (passphrase: string) => act(() => vault.create(passphrase)),
    unlock: (passphrase: string) => act(() => vault.unlock(passphrase)),
    lock: () => act(() => vault.lock()),
    addKey: (key: NewKey) =>
      act(async () => {
        const added = await vault.addKey(key);
        await verify(added.id, key);
      }),
    replaceKey: (id: string, key: Omit<NewKey, 'label'>) =>
      act(async () => {
        await vault.replaceKey(id, key);
        await verify(id, key);
      }),
    relabel: (id: string, label: string) => act(() => vault.relabel(id, label)),
    removeKey: (id: string) => act(() => vault.removeKey(id)),
    setActive: (id: string) => act(() => vault.setActive(id)),
    setAutoLock: (minutes: number) => act(() => settings.update((s) => ({ ...s, autoLockMinutes: minutes }))),
    /** The auto-lock alarm fired. */
    autoLock: () => vault.lock(),
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
