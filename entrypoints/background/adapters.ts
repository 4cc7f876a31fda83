// Browser-API adapters for the background's services. The only place that touches browser.storage / action.
import { browser } from 'wxt/browser';
import type { Tick } from '../../lib/market/types.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings/schema.ts';
import type { SessionKeySlot } from '../../lib/vault/vault.ts';

const TICKS_KEY = 'ticks';
const VAULT_KEY_SLOT = 'vault-key';
export const AUTO_LOCK_ALARM = 'vault-auto-lock';
export const AUTO_LOCK_WARNING_ALARM = 'vault-auto-lock-warning';
/** How long before an auto-lock the person is warned (when it would turn the dead man's switch off). */
const WARN_BEFORE_MS = 60_000;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings, problems } = parseSettings(stored[SETTINGS_KEY]);
  // Only field names and generic reasons are logged: settings hold nothing private.
  for (const problem of problems) console.warn(`[settings] ${problem}`);
  return settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function loadTicks(): Promise<Record<string, Tick>> {
  const stored = await browser.storage.session.get(TICKS_KEY);
  const value = stored[TICKS_KEY];
  return typeof value === 'object' && value !== null ? (value as Record<string, Tick>) : {};
}

export async function saveTicks(ticks: Record<string, Tick>): Promise<void> {
  await browser.storage.session.set({ [TICKS_KEY]: ticks });
}

export async function setBadge(text: string, color: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
}

/**
 * storage.session holds the unlocked vault key: restrict it to trusted contexts (our pages and worker), said
 * explicitly at every start rather than relied on as a default. Chrome: `setAccessLevel({ accessLevel })`,
 * Chrome 102+, default TRUSTED_CONTEXTS (https://developer.chrome.com/docs/extensions/reference/api/storage
 * #method-StorageArea-setAccessLevel). Firefox implements no setAccessLevel (its web-platform test of it is
 * marked FAIL) and never exposes storage.session to content scripts (MDN, StorageArea.setAccessLevel): there
 * is nothing to set. A rejection is reported, not swallowed: the caller logs it.
 */
export async function restrictSessionStorage(
  area: { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> } = browser.storage
    .session,
): Promise<'restricted' | 'unsupported'> {
  if (typeof area.setAccessLevel !== 'function') return 'unsupported';
  await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return 'restricted';
}

/** Unlocked key material: storage.session lives in memory only and is gone after a browser restart. */
export const sessionKeySlot: SessionKeySlot = {
  async load() {
    const stored = await browser.storage.session.get(VAULT_KEY_SLOT);
    const value = stored[VAULT_KEY_SLOT];
    return typeof value === 'string' ? value : undefined;
  },
  async save(value) {
    await browser.storage.session.set({ [VAULT_KEY_SLOT]: value });
  },
  async clear() {
    await browser.storage.session.remove(VAULT_KEY_SLOT);
  },
};

export async function scheduleAutoLock(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    await browser.alarms.clear(AUTO_LOCK_WARNING_ALARM);
    return;
  }
  await browser.alarms.create(AUTO_LOCK_ALARM, { when: at });
  await browser.alarms.create(AUTO_LOCK_WARNING_ALARM, {
    when: Math.max(Date.now() + 1_000, at - WARN_BEFORE_MS),
  });
}

const REFUSED_KEY = 'refused-messages';

/** Counts refused messages (by kind) in storage.session, so the count survives a worker restart. */
export function refusedCounter() {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    count(kind: 'untrusted' | 'malformed'): void {
      console.warn(`[trust] refused a ${kind} message`);
      chain = chain
        .then(async () => {
          const counts = await loadRefused();
          counts[kind] += 1;
          await browser.storage.session.set({ [REFUSED_KEY]: counts });
        })
        .catch(() => {});
    },
  };
}

export async function loadRefused(): Promise<{ untrusted: number; malformed: number }> {
  const stored = (await browser.storage.session.get(REFUSED_KEY))[REFUSED_KEY] as
    | { untrusted?: number; malformed?: number }
    | undefined;
  return { untrusted: stored?.untrusted ?? 0, malformed: stored?.malformed ?? 0 };
}

const MAINTENANCE_KEY = 'maintenance';
/** Kraken's announced maintenance as last read (lib/market/maintenance.ts): kept for the browser session. */
export const maintenanceCache = {
  load: async (): Promise<unknown> => (await browser.storage.session.get(MAINTENANCE_KEY))[MAINTENANCE_KEY],
  save: async (value: unknown): Promise<void> => {
    await browser.storage.session.set({ [MAINTENANCE_KEY]: value });
  },
};
