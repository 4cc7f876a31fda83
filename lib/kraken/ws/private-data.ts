// Shapes of Kraken WebSocket v2 private channel data (`executions`, `balances`), and the checks that admit
// them at the boundary. Both channels need a session token (lib/kraken/ws/token.ts).
import { isRecord } from './public-data.ts';

/**
 * One report of the `executions` channel (https://docs.kraken.com/api/docs/websocket-v2/executions).
 * `exec_type` says what happened (pending_new, new, trade, filled, canceled, expired, amended, restated,
 * status…) and `order_status` what the order is now. Updates carry only the fields that changed, so every
 * field but the two identifying ones is optional; fields this code does not read stay available untyped.
 */
export interface ExecutionReport {
  order_id: string;
  exec_type: string;
  order_status?: string;
  symbol?: string;
  side?: 'buy' | 'sell';
  order_type?: string;
  cl_ord_id?: string;
  order_userref?: number;
  order_qty?: number;
  cum_qty?: number;
  cum_cost?: number;
  avg_price?: number;
  limit_price?: number;
  /** Trade reports (exec_type "trade") only: the fill. */
  exec_id?: string;
  trade_id?: number;
  last_qty?: number;
  last_price?: number;
  liquidity_ind?: 't' | 'm';
  cost?: number;
  fees?: { asset: string; qty: number }[];
  timestamp?: string;
  [field: string]: unknown;
}

/** One wallet of an asset in a `balances` snapshot. */
export interface WalletBalance {
  type: string;
  id: string;
  balance: number;
}

/** A `balances` snapshot item: the asset's total and its wallets (https://docs.kraken.com/api/docs/websocket-v2/balances). */
export interface BalanceSnapshotItem {
  asset: string;
  asset_class?: string;
  balance: number;
  wallets?: WalletBalance[];
}

/** A `balances` update item: one ledger entry and the asset's balance after it. */
export interface LedgerUpdate {
  ledger_id: string;
  ref_id?: string;
  timestamp?: string;
  /** The ledger entry type: trade, deposit, withdrawal, transfer… */
  type?: string;
  asset: string;
  asset_class?: string;
  category?: string;
  wallet_type?: string;
  wallet_id?: string;
  amount: number;
  fee?: number;
  balance: number;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Fields that, when an update carries them, must have this type (the rest are passed on as they came). */
const REPORT_STRINGS = ['order_status', 'symbol', 'order_type', 'cl_ord_id', 'exec_id', 'timestamp'] as const;
const REPORT_NUMBERS = [
  'order_qty',
  'cum_qty',
  'cum_cost',
  'avg_price',
  'limit_price',
  'last_qty',
  'last_price',
  'cost',
] as const;

export function isExecutionReport(value: unknown): value is ExecutionReport {
  if (!isRecord(value) || typeof value.order_id !== 'string' || typeof value.exec_type !== 'string')
    return false;
  if (value.side !== undefined && value.side !== 'buy' && value.side !== 'sell') return false;
  for (const key of REPORT_STRINGS)
    if (value[key] !== undefined && typeof value[key] !== 'string') return false;
  for (const key of REPORT_NUMBERS) if (value[key] !== undefined && !isFiniteNumber(value[key])) return false;
  return true;
}

function isWallet(value: unknown): value is WalletBalance {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    typeof value.id === 'string' &&
    isFiniteNumber(value.balance)
  );
}

export function isBalanceSnapshotItem(value: unknown): value is BalanceSnapshotItem {
  return (
    isRecord(value) &&
    typeof value.asset === 'string' &&
    isFiniteNumber(value.balance) &&
    (value.wallets === undefined || (Array.isArray(value.wallets) && value.wallets.every(isWallet)))
  );
}

export function isLedgerUpdate(value: unknown): value is LedgerUpdate {
  return (
    isRecord(value) &&
    typeof value.ledger_id === 'string' &&
    typeof value.asset === 'string' &&
    isFiniteNumber(value.amount) &&
    isFiniteNumber(value.balance) &&
    (value.fee === undefined || isFiniteNumber(value.fee))
  );
}
