import { createEmitter } from '../base/emitter.ts';
import { createSerialQueue } from '../base/serial-queue.ts';
import type { Settings } from './schema.ts';

export interface SettingsStorage {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

/** A settings write that has been saved: what it was before and what it is now. */
export interface SettingsChange {
  previous: Settings;
  next: Settings;
}

export interface SettingsStoreOptions {
  /** Told when a change listener throws (the write itself has succeeded and stays). */
  onListenerError?: (error: unknown) => void;
}

/**
 * The background's one copy of the settings, shared by its services. Writes are serialised so two
 * quick edits (add a pair, change auto-lock) never overwrite each other. Services that depend on a setting
 * (the market on the watchlist, the badge pair and the endpoints) subscribe to changes instead of being
 * told by whoever wrote it.
 */
export function createSettingsStore(storage: SettingsStorage, options: SettingsStoreOptions = {}) {
  let current: Settings | null = null;
  const writes = createSerialQueue();
  const changes = createEmitter<SettingsChange>({ onError: (error) => options.onListenerError?.(error) });

  function read(): Settings {
    if (!current) throw new Error('settings are not loaded yet');
    return current;
  }

  return {
    async load(): Promise<Settings> {
      current = await storage.load();
      return current;
    },
    current: read,
    update(change: (settings: Settings) => Settings): Promise<Settings> {
      return writes.run(async () => {
        const previous = read();
        const updated = change(previous);
        await storage.save(updated);
        current = updated;
        // Listeners run before the writer hears back, so whatever it does next sees their effects.
        changes.emit({ previous, next: updated });
        return updated;
      });
    },
    /** Heard after each saved write, in write order. */
    subscribe: changes.on,
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
