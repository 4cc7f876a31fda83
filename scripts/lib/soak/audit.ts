// The simulator's own record of one generation (it forgets everything on restart, so this is read right
// before the restart and at the end): every order of the account with its cl_ord_id, every fill
// (TradesHistory), and one-minute candles per pair. Then the orders and fills are held against it.
import type { KrakenRest } from '../../../lib/kraken/index.ts';
import type { Ledger } from './ledger.ts';
import { type MinuteCandle, minuteCandles, type PairInfo } from './market.ts';
import type { Placement } from './orders.ts';

export interface SimRecord {
  phase: number;
  /** cl_ord_id → the order ids the simulator holds for it. */
  ordersByClOrdId: Map<string, string[]>;
  /** Orders with no cl_ord_id (the extension always sends one). */
  withoutClOrdId: string[];
  orderCount: number;
  openCount: number;
  /** Cancelled orders and their reasons (e.g. the dead man's switch). */
  cancelReasons: Record<string, number>;
  /** Trade ids (exec_id) of the account's fills. */
  fills: string[];
  /** What each fill was, for a report on one that went missing. */
  fillDetails: Map<string, string>;
  candles: Map<string, MinuteCandle[]>;
}

async function pages<T>(fetchPage: (ofs: number) => Promise<{ rows: T[]; count: number }>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const { rows, count } = await fetchPage(all.length);
    all.push(...rows);
    if (rows.length === 0 || all.length >= count) return all;
  }
}

export async function readSim(
  observer: KrakenRest,
  publicRest: KrakenRest,
  pairs: readonly PairInfo[],
  phase: number,
): Promise<SimRecord> {
  const open = Object.entries((await observer.openOrders()).open);
  const closed = await pages(async (ofs) => {
    const r = await observer.closedOrders({ ofs });
    return { rows: Object.entries(r.closed), count: r.count ?? 0 };
  });
  const trades = await pages(async (ofs) => {
    const r = await observer.tradesHistory({ ofs });
    return { rows: Object.entries(r.trades), count: r.count };
  });
  const ordersByClOrdId = new Map<string, string[]>();
  const withoutClOrdId: string[] = [];
  const cancelReasons: Record<string, number> = {};
  // Open first, then closed: an order that closes in between is in both lists (counted once), never in none.
  const orders = new Map([...open, ...closed]);
  const fillDetails = new Map(
    trades.map(([id, t]) => {
      const order = orders.get(t.ordertxid);
      const when = new Date(t.time * 1000).toISOString();
      return [
        id,
        `${t.pair} ${t.type} ${t.vol} at ${when}, order ${t.ordertxid} (${order?.cl_ord_id ?? 'no cl_ord_id'})`,
      ];
    }),
  );
  for (const [txid, order] of orders) {
    if (order.status === 'canceled') {
      const reason = order.reason ?? 'none';
      cancelReasons[reason] = (cancelReasons[reason] ?? 0) + 1;
    }
    if (!order.cl_ord_id) withoutClOrdId.push(txid);
    else ordersByClOrdId.set(order.cl_ord_id, [...(ordersByClOrdId.get(order.cl_ord_id) ?? []), txid]);
  }
  const candles = new Map<string, MinuteCandle[]>();
  for (const pair of pairs) candles.set(pair.symbol, await minuteCandles(publicRest, pair));
  return {
    phase,
    ordersByClOrdId,
    withoutClOrdId,
    orderCount: orders.size,
    openCount: [...orders.values()].filter((o) => o.status === 'open').length,
    cancelReasons,
    fills: trades.map(([id]) => id),
    fillDetails,
    candles,
  };
}

export interface OrderCheck {
  phase: number;
  sent: number;
  placed: number;
  refused: number;
  /** First answered "unknown" (checking, or no answer: the worker stopped under it), then `trading.check`. */
  settledByCheck: string[];
  /** Still unknown after `trading.check` (listed). */
  unresolved: string[];
  atSimulator: number;
  openAtSimulator: number;
  cancelReasons: Record<string, number>;
  /** A cl_ord_id held more than once by the simulator. */
  duplicates: string[];
  /** Answered "placed" but not at the simulator. */
  lost: string[];
  /** Answered "placed" with another id, or "not placed" but at the simulator. */
  misreported: string[];
  /** Orders at the simulator the soak never sent. */
  foreign: string[];
}

export function checkOrders(placements: readonly Placement[], sim: SimRecord): OrderCheck {
  const mine = placements.filter((p) => p.phase === sim.phase);
  const sent = new Set(mine.map((p) => p.clOrdId));
  const check: OrderCheck = {
    phase: sim.phase,
    sent: mine.length,
    placed: 0,
    refused: 0,
    settledByCheck: [],
    unresolved: [],
    atSimulator: sim.orderCount,
    openAtSimulator: sim.openCount,
    cancelReasons: sim.cancelReasons,
    duplicates: [],
    lost: [],
    misreported: [],
    foreign: [...sim.withoutClOrdId, ...[...sim.ordersByClOrdId.keys()].filter((id) => !sent.has(id))],
  };
  for (const p of mine) {
    const held = sim.ordersByClOrdId.get(p.clOrdId) ?? [];
    if (held.length > 1) check.duplicates.push(`${p.clOrdId}: ${held.join(', ')}`);
    const { final } = p;
    if (p.first.kind === 'unknown')
      check.settledByCheck.push(
        `${p.first.name} → ${final.kind === 'placed' ? 'placed' : final.name}, ${held.length} at the simulator`,
      );
    if (final.kind === 'placed') {
      check.placed += 1;
      if (held.length === 0) check.lost.push(`${p.clOrdId} (answered ${final.id})`);
      else if (!held.includes(final.id))
        check.misreported.push(`${p.clOrdId}: answered ${final.id}, held ${held}`);
    } else if (final.kind === 'refused') {
      check.refused += 1;
      if (held.length > 0) check.misreported.push(`${p.clOrdId}: answered ${final.name}, held ${held}`);
    } else {
      check.unresolved.push(`${p.clOrdId}: ${final.name} (${held.length} at the simulator)`);
    }
  }
  return check;
}

export interface FillCheck {
  phase: number;
  fills: number;
  notified: number;
  /** Fills of the account with no `fill:` notification. */
  lost: string[];
  /** Fills whose notification was created more than once. */
  duplicates: string[];
}

export function checkFills(sim: SimRecord, ledger: Ledger): FillCheck {
  const check: FillCheck = {
    phase: sim.phase,
    fills: sim.fills.length,
    notified: 0,
    lost: [],
    duplicates: [],
  };
  for (const id of sim.fills) {
    const times = ledger.timesShown(`fill:${id}`);
    if (times === 0) check.lost.push(`${id}: ${sim.fillDetails.get(id) ?? ''}`);
    else check.notified += 1;
    if (times > 1) check.duplicates.push(`${id} ×${times}`);
  }
  return check;
}

/** Fill notifications for ids no simulator generation reported (should be none). */
export function phantomFills(records: readonly SimRecord[], ledger: Ledger): string[] {
  const known = new Set(records.flatMap((r) => r.fills.map((id) => `fill:${id}`)));
  return [...ledger.idsWith('fill:')].filter((id) => !known.has(id));
}
