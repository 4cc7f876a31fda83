// In-memory vault storage and session slot for the vault's unit tests (the shapes lib/vault/types.ts asks
// for). Values are cloned in and out, as IndexedDB and storage.session do.
import type { VaultHeader, VaultRecord } from '../../lib/vault/format.ts';
import type { SessionKeySlot, VaultStore } from '../../lib/vault/vault.ts';

export interface MemoryVaultState {
  header: unknown;
  records: unknown[];
  active: string | undefined;
}

export function memoryVaultStore(initial?: { header?: unknown; records?: unknown[]; active?: string }) {
  const state: MemoryVaultState = {
    header: initial?.header,
    records: [...(initial?.records ?? [])],
    active: initial?.active,
  };
  const idOf = (r: unknown) => (r as { id?: unknown }).id;
  const store: VaultStore = {
    getHeader: async () => structuredClone(state.header),
    listRecords: async () => structuredClone(state.records),
    getActiveId: async () => state.active,
    setActiveId: async (id) => {
      state.active = id;
    },
    putRecord: async (r: VaultRecord) => {
      state.records = [...state.records.filter((x) => idOf(x) !== r.id), structuredClone(r)];
    },
    deleteRecord: async (key) => {
      state.records = state.records.filter((x) => idOf(x) !== key);
    },
    replaceAll: async (h: VaultHeader, rs) => {
      state.header = structuredClone(h);
      state.records = structuredClone([...rs]);
    },
    clearAll: async () => {
      state.header = undefined;
      state.records = [];
      state.active = undefined;
    },
  };
  return { store, state };
}

export function memorySessionSlot() {
  const slot = { value: undefined as string | undefined };
  const session: SessionKeySlot = {
    load: async () => slot.value,
    save: async (v) => {
      slot.value = v;
    },
    clear: async () => {
      slot.value = undefined;
    },
  };
  return { session, slot };
}
