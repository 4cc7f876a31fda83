// Reading a stored paper account back. IndexedDB gives back whatever was written — by an older build, a
// half-finished write, a person poking in DevTools — so the record is checked field by field before the
// engine trusts it. A bad record is reported (PaperStateCorrupted, with where and what), never thrown past
// the store: the caller resets the account and tells the person.
import { cmp, isDecimalText } from '../kraken/pairs/exact.ts';
import {
  type AttachedClose,
  type FillView,
  type OrderStatus,
  type Side,
  TICKET_ORDER_TYPES,
  type TicketOrderType,
  type TimeInForce,
} from '../orders/types.ts';
import { availableOf } from './balances.ts';
import { PAPER_STATE_VERSION, type PaperOrder, type PaperState } from './types.ts';

export class PaperStateCorrupted extends Error {
  override readonly name = 'PaperStateCorrupted';
  constructor(
    /** Where in the record, e.g. "open[2].volume". */
    readonly path: string,
    /** What is wrong there. */
    readonly problem: string,
  ) {
    super(`The stored paper account is unreadable at ${path}: ${problem}.`);
  }
}

type Obj = Record<string, unknown>;

const SIDES: readonly Side[] = ['buy', 'sell'];
const TYPES = TICKET_ORDER_TYPES;
const TIFS: readonly TimeInForce[] = ['GTC', 'IOC', 'GTD', 'FOK'];
const CLOSE_TYPES: readonly AttachedClose['type'][] = [
  'limit',
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
];
/** Versions this build reads: 1 is 2 without the fields added since (types.ts PAPER_STATE_VERSION). */
const READABLE_VERSIONS: readonly number[] = [1, PAPER_STATE_VERSION];
const STATUSES: readonly OrderStatus[] = [
  'pending',
  'new',
  'partially_filled',
  'filled',
  'canceled',
  'expired',
];

function object(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new PaperStateCorrupted(path, 'not an object');
  return v as Obj;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new PaperStateCorrupted(path, 'not a list');
  return v;
}

function text(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '')
    throw new PaperStateCorrupted(`${path}.${key}`, 'not a non-empty string');
  return v;
}

function time(o: Obj, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new PaperStateCorrupted(`${path}.${key}`, 'not a time');
  return v;
}

function flag(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new PaperStateCorrupted(`${path}.${key}`, 'not true or false');
  return v;
}

function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], path: string): T {
  const v = o[key];
  if (!allowed.includes(v as T))
    throw new PaperStateCorrupted(`${path}.${key}`, `not one of ${allowed.join(', ')}`);
  return v as T;
}

/** Non-negative decimal text. */
function amount(v: unknown, path: string): string {
  if (typeof v !== 'string' || !isDecimalText(v) || cmp(v, '0') < 0) {
    throw new PaperStateCorrupted(path, 'not a non-negative decimal');
  }
  return v;
}

function optional<T>(o: Obj, key: string, read: () => T): void {
  if (o[key] !== undefined) read();
}

function checkOrder(v: unknown, path: string): PaperOrder {
  const o = object(v, path);
  for (const key of ['id', 'clOrdId', 'symbol', 'base', 'quote']) text(o, key, path);
  oneOf(o, 'side', SIDES, path);
  const type = oneOf(o, 'type', TYPES, path);
  oneOf(o, 'timeInForce', TIFS, path);
  oneOf(o, 'status', STATUSES, path);
  flag(o, 'postOnly', path);
  time(o, 'createdAt', path);
  optional(o, 'closedAt', () => time(o, 'closedAt', path));
  optional(o, 'reason', () => text(o, 'reason', path));
  optional(o, 'triggered', () => flag(o, 'triggered', path));
  for (const key of ['volume', 'filled', 'cost', 'takerCost', 'takerFee', 'makerCost', 'makerFee', 'hold']) {
    amount(o[key], `${path}.${key}`);
  }
  for (const key of ['limitPrice', 'triggerPrice', 'avgPrice']) {
    optional(o, key, () => amount(o[key], `${path}.${key}`));
  }
  if (cmp(o.filled as string, o.volume as string) > 0)
    throw new PaperStateCorrupted(`${path}.filled`, 'more than the volume');
  checkAdded(o, type, path);
  return o as unknown as PaperOrder;
}

/** A price offset: a positive decimal in percent or in quote. */
function offset(o: Obj, key: string, path: string): void {
  const v = object(o[key], `${path}.${key}`);
  amount(v.value, `${path}.${key}.value`);
  oneOf(v, 'unit', ['percent', 'quote'] as const, `${path}.${key}`);
}

/** The fields version 2 added, and what each type cannot do without. */
function checkAdded(o: Obj, type: TicketOrderType, path: string): void {
  optional(o, 'fees', () => {
    const fees = object(o.fees, `${path}.fees`);
    amount(fees.makerPercent, `${path}.fees.makerPercent`);
    amount(fees.takerPercent, `${path}.fees.takerPercent`);
  });
  optional(o, 'trailOffset', () => offset(o, 'trailOffset', path));
  optional(o, 'limitOffset', () => offset(o, 'limitOffset', path));
  optional(o, 'peak', () => amount(o.peak, `${path}.peak`));
  optional(o, 'expiresAt', () => time(o, 'expiresAt', path));
  optional(o, 'parentId', () => text(o, 'parentId', path));
  optional(o, 'closeId', () => text(o, 'closeId', path));
  optional(o, 'close', () => {
    const c = object(o.close, `${path}.close`);
    oneOf(c, 'type', CLOSE_TYPES, `${path}.close`);
    amount(c.price, `${path}.close.price`);
    optional(c, 'limitPrice', () => amount(c.limitPrice, `${path}.close.limitPrice`));
  });
  optional(o, 'amends', () =>
    array(o.amends, `${path}.amends`).forEach((v, i) => {
      const a = object(v, `${path}.amends[${i}]`);
      oneOf(a, 'kind', ['original', 'user'] as const, `${path}.amends[${i}]`);
      amount(a.volume, `${path}.amends[${i}].volume`);
      for (const key of ['limitPrice', 'triggerPrice'])
        optional(a, key, () => amount(a[key], `${path}.amends[${i}].${key}`));
      time(a, 'at', `${path}.amends[${i}]`);
    }),
  );
  const missing = (key: string) => {
    if (o[key] === undefined) throw new PaperStateCorrupted(`${path}.${key}`, 'missing');
  };
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  if (type === 'limit' || type === 'stop-loss-limit' || type === 'take-profit-limit') missing('limitPrice');
  if (type !== 'market' && type !== 'limit') missing('triggerPrice');
  if (trailing) {
    missing('trailOffset');
    missing('peak');
  }
  if (type === 'trailing-stop-limit') missing('limitOffset');
  if (o.timeInForce === 'GTD') missing('expiresAt');
}

function checkFill(v: unknown, path: string): FillView {
  const f = object(v, path);
  for (const key of ['id', 'orderId', 'symbol', 'feeAsset']) text(f, key, path);
  oneOf(f, 'side', SIDES, path);
  oneOf(f, 'liquidity', ['maker', 'taker'] as const, path);
  for (const key of ['qty', 'price', 'fee']) amount(f[key], `${path}.${key}`);
  flag(f, 'complete', path);
  time(f, 'at', path);
  return f as unknown as FillView;
}

/** The record as a PaperState, or PaperStateCorrupted saying where it is wrong. */
export function parsePaperState(value: unknown): PaperState {
  const s = object(value, 'account');
  if (!READABLE_VERSIONS.includes(s.version as number)) {
    throw new PaperStateCorrupted(
      'account.version',
      `expected ${READABLE_VERSIONS.join(' or ')}, found ${JSON.stringify(s.version)}`,
    );
  }
  time(s, 'createdAt', 'account');
  const balances = object(s.balances, 'account.balances');
  for (const [asset, total] of Object.entries(balances)) amount(total, `account.balances.${asset}`);
  array(s.open, 'account.open').forEach((o, i) => {
    checkOrder(o, `account.open[${i}]`);
  });
  array(s.closed, 'account.closed').forEach((o, i) => {
    checkOrder(o, `account.closed[${i}]`);
  });
  array(s.fills, 'account.fills').forEach((f, i) => {
    checkFill(f, `account.fills[${i}]`);
  });
  if (s.unshown !== undefined) {
    array(s.unshown, 'account.unshown').forEach((id, i) => {
      if (typeof id !== 'string')
        throw new PaperStateCorrupted(`account.unshown[${i}]`, 'expected a fill id');
    });
  }
  // A version 1 record is a version 2 record without the newer fields: read as is, saved as 2 next time.
  const state: PaperState = { ...(s as unknown as PaperState), version: PAPER_STATE_VERSION };
  // The account's own invariant: open orders never hold more than the asset's total.
  for (const asset of new Set(state.open.map((o) => (o.side === 'buy' ? o.quote : o.base)))) {
    if (cmp(availableOf(state, asset), '0') < 0) {
      throw new PaperStateCorrupted(`account.balances.${asset}`, 'less than what open orders hold');
    }
  }
  return state;
}
