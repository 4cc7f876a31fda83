import type { Settings } from './schema.ts';

export interface SettingsStorage {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

/**
 * The background's one copy of the settings, shared by its services. Writes are serialised so two
 * quick edits (add a pair, change auto-lock) never overwrite each other.
 */
export function createSettingsStore(storage: SettingsStorage) {
  let current: Settings | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    async load(): Promise<Settings> {
      current = await storage.load();
      return current;
    },
    current(): Settings {
      if (!current) throw new Error('settings are not loaded yet');
      return current;
    },
    update(change: (settings: Settings) => Settings): Promise<Settings> {
      const next = chain.then(async () => {
        const updated = change(this.current());
        await storage.save(updated);
        current = updated;
        return updated;
      });
      chain = next.catch(() => {});
      return next;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
