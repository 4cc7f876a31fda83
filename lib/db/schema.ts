// The extension's one IndexedDB schema (DESIGN.md §4), typed with idb's DBSchema. Every version's upgrade
// is kept: a profile last opened at any older version upgrades step by step.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { RuleState } from '../alerts/engine.ts';
import type { AlertRule } from '../alerts/rules.ts';
import type { AlertLogEntry } from '../alerts/types.ts';
import type { OrderIntent } from '../kraken/orders/intents.ts';
import type { FillMarks } from '../trading/live/fill-ledger.ts';
import type { VaultHeader, VaultRecord } from '../vault/format.ts';

export type { AlertLogEntry };

export const DB_NAME = 'kraken-trader';
export const DB_VERSION = 4;

export interface KrakenDB extends DBSchema {
  /** Encrypted API keys, one record per key (lib/vault). */
  vault: { key: string; value: VaultRecord };
  /** Small singletons: the vault header (KDF parameters + passphrase check), the active key id. */
  meta: {
    key: 'vault-header' | 'active-key' | 'alerts-seen' | 'alerts-notify-failures' | 'alerts-pending';
    /** alerts-pending: firings committed, not yet shown (lib/db/alert-store.ts), checked when read. */
    value: VaultHeader | string | Record<string, number> | number | unknown[];
  };
  /** Nonce high-water marks per API key id (lib/kraken/auth/nonce.ts), decimal strings. */
  nonce: { key: string; value: string };
  /** v2: alert rules (lib/alerts/rules.ts). */
  alerts: { key: string; value: AlertRule };
  /** v2: each rule's engine state, by rule id, so a restarted worker neither re-fires nor misses. */
  alertState: { key: string; value: RuleState };
  /** v2: what fired, oldest first (auto-increment `seq`). */
  alertLog: { key: number; value: AlertLogEntry };
  /** v3: live order intents by cl_ord_id, written before each send (lib/kraken/orders/placer.ts). */
  orderIntents: { key: string; value: OrderIntent };
  /** v3: the paper account (lib/paper), one record under 'account'. */
  paper: { key: string; value: import('../paper/types.ts').PaperState };
  /**
   * v4: per live account (accountKey), the ids of the fills already notified: after a reconnect or a
   * restarted worker, the `executions` snapshot is compared with it so a fill is notified exactly once.
   */
  /** Fill ids taken and fills waiting to be shown (lib/db/fill-marks.ts; v1 records: the ids alone). */
  fillMarks: { key: string; value: FillMarks | string[] };
  /** v4: records that could not be read, set aside with where they came from (never deleted silently). */
  setAside: { key: number; value: SetAsideRecord };
}

/** A stored record that failed validation, kept for inspection instead of being deleted. */
export interface SetAsideRecord {
  seq?: number;
  /** The store (and key) it was read from. */
  from: string;
  key: string;
  reason: string;
  at: number;
  value: unknown;
}

export type KrakenDatabase = IDBPDatabase<KrakenDB>;

/** `name` is for tests that keep several profiles apart. */
export function openDatabase(name = DB_NAME): Promise<KrakenDatabase> {
  return openDB<KrakenDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Fall through on purpose: each step takes the schema from version n to n + 1.
      if (oldVersion < 1) {
        db.createObjectStore('vault', { keyPath: 'id' });
        db.createObjectStore('meta');
        db.createObjectStore('nonce');
      }
      if (oldVersion < 2) {
        db.createObjectStore('alerts', { keyPath: 'id' });
        db.createObjectStore('alertState');
        db.createObjectStore('alertLog', { keyPath: 'seq', autoIncrement: true });
      }
      if (oldVersion < 3) {
        db.createObjectStore('orderIntents', { keyPath: 'clOrdId' });
        db.createObjectStore('paper');
      }
      if (oldVersion < 4) {
        db.createObjectStore('fillMarks');
        db.createObjectStore('setAside', { keyPath: 'seq', autoIncrement: true });
      }
    },
    // A newer tab or worker wants to upgrade: let it, and fail loudly here rather than block it.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
