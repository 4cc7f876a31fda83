import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../lib/settings/schema.ts';
import { createSettingsStore, type SettingsChange } from '../../../lib/settings/store.ts';

function memory(initial: Settings = defaultSettings()) {
  const saved: Settings[] = [];
  let failNext = false;
  return {
    saved,
    failNextSave: () => {
      failNext = true;
    },
    storage: {
      load: async () => structuredClone(initial),
      save: async (s: Settings) => {
        await new Promise((r) => setTimeout(r, 1));
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        saved.push(structuredClone(s));
      },
    },
  };
}

describe('settings store', () => {
  it('serialises writes: two quick edits both land', async () => {
    const m = memory();
    const store = createSettingsStore(m.storage);
    await store.load();
    await Promise.all([
      store.update((s) => ({ ...s, autoLockMinutes: 5 })),
      store.update((s) => ({ ...s, alertSound: true })),
    ]);
    expect(store.current()).toMatchObject({ autoLockMinutes: 5, alertSound: true });
    expect(m.saved.at(-1)).toMatchObject({ autoLockMinutes: 5, alertSound: true });
  });

  it('tells subscribers about each saved change, before the writer hears back', async () => {
    const m = memory();
    const store = createSettingsStore(m.storage);
    await store.load();
    const heard: SettingsChange[] = [];
    store.subscribe((change) => heard.push(change));
    const written = store.update((s) => ({ ...s, watchlist: ['BTC/USD'] }));
    expect(heard).toEqual([]);
    await written;
    expect(heard).toHaveLength(1);
    expect(heard[0]?.previous.watchlist).toEqual(defaultSettings().watchlist);
    expect(heard[0]?.next.watchlist).toEqual(['BTC/USD']);
  });

  it('tells nobody about a write that failed to save, and keeps the old value', async () => {
    const m = memory();
    const store = createSettingsStore(m.storage);
    await store.load();
    const heard: SettingsChange[] = [];
    store.subscribe((change) => heard.push(change));
    m.failNextSave();
    await expect(store.update((s) => ({ ...s, alertSound: true }))).rejects.toThrow('disk full');
    expect(heard).toEqual([]);
    expect(store.current().alertSound).toBe(false);
    // The queue goes on after a failure.
    await store.update((s) => ({ ...s, alertSound: true }));
    expect(heard).toHaveLength(1);
  });

  it('a listener that throws does not fail the write nor silence the other listeners', async () => {
    const errors: unknown[] = [];
    const store = createSettingsStore(memory().storage, { onListenerError: (e) => errors.push(e) });
    await store.load();
    let heard = 0;
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe(() => {
      heard += 1;
    });
    await expect(store.update((s) => ({ ...s, alertSound: true }))).resolves.toMatchObject({
      alertSound: true,
    });
    expect(heard).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
