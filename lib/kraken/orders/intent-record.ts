// Stored intents are read back from IndexedDB, which anything with access to the profile can edit: every
// record is checked before the order path trusts it. A bad record is reported (and set aside by the store),
// never allowed to stop the others.
import {
  EXPIRED_REASONS,
  type ExpiredReason,
  type IntentAccount,
  type IntentState,
  type OrderIntent,
} from './intents.ts';

const STATES: readonly IntentState[] = ['pending', 'unknown', 'placed', 'rejected', 'expired'];
/** Kraken's cl_ord_id: a UUID, or up to 18 ASCII characters (docs: add-order, `cl_ord_id`). */
const CL_ORD_ID = /^[0-9A-Za-z-]{1,36}$/;
const DECIMALISH = /^[+-]?\d{1,20}(\.\d{1,20})?%?$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const text = (v: unknown, max = 64): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function parseAccount(v: unknown): IntentAccount | null | 'bad' {
  if (v === undefined || v === null) return null; // written before intents recorded their account
  if (!isRecord(v)) return 'bad';
  if (!text(v.keyId) || !Number.isInteger(v.keyVersion) || (v.keyVersion as number) < 1) return 'bad';
  if (!text(v.endpoint, 256)) return 'bad';
  return { keyId: v.keyId, keyVersion: v.keyVersion as number, endpoint: v.endpoint };
}

function parseParams(v: unknown): OrderIntent['params'] | null {
  if (!isRecord(v)) return null;
  if (!text(v.pair, 32) || (v.type !== 'buy' && v.type !== 'sell') || !text(v.ordertype, 32)) return null;
  if (typeof v.volume !== 'string' || !DECIMALISH.test(v.volume)) return null;
  for (const field of ['price', 'price2']) {
    const value = v[field];
    if (value !== undefined && (typeof value !== 'string' || !DECIMALISH.test(value))) return null;
  }
  for (const [key, value] of Object.entries(v)) {
    if (value === undefined) continue; // structured clone keeps a field set to undefined
    // Order flags travel as a list (`oflags: ['post', 'fciq']`).
    if (
      Array.isArray(value) &&
      value.length <= 8 &&
      value.every((f) => typeof f === 'string' && f.length <= 16)
    )
      continue;
    if (!['string', 'number', 'boolean'].includes(typeof value)) return null;
    if (typeof value === 'string' && value.length > 256) return null;
    if (key.length > 64) return null;
  }
  return v as unknown as OrderIntent['params'];
}

function parseMeta(v: unknown): OrderIntent['meta'] | null | 'bad' {
  if (v === undefined) return null;
  if (!isRecord(v)) return 'bad';
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(v)) {
    if (key.length > 64) return 'bad';
    if (value === undefined) continue;
    if (typeof value === 'string' && value.length <= 2048)
      out[key] = value; // the order's JSON
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
      out[key] = value;
    else return 'bad';
  }
  return out;
}

/** The intent, checked field by field; or why it cannot be used. */
export function parseIntent(
  value: unknown,
): { ok: true; intent: OrderIntent } | { ok: false; reason: string } {
  if (!isRecord(value)) return { ok: false, reason: 'not an object' };
  if (typeof value.clOrdId !== 'string' || !CL_ORD_ID.test(value.clOrdId))
    return { ok: false, reason: 'bad clOrdId' };
  if (!STATES.includes(value.state as IntentState)) return { ok: false, reason: 'bad state' };
  const params = parseParams(value.params);
  if (!params) return { ok: false, reason: 'bad order parameters' };
  const account = parseAccount(value.account);
  if (account === 'bad') return { ok: false, reason: 'bad account' };
  if (!finite(value.attempts) || !Number.isInteger(value.attempts) || value.attempts > 1_000)
    return { ok: false, reason: 'bad attempts' };
  if (!finite(value.createdAt) || !finite(value.updatedAt)) return { ok: false, reason: 'bad times' };
  const confirmedAt = value.confirmedAt === undefined ? value.createdAt : value.confirmedAt;
  if (!finite(confirmedAt)) return { ok: false, reason: 'bad confirmedAt' };
  if (value.deadlineAt !== undefined && !finite(value.deadlineAt))
    return { ok: false, reason: 'bad deadline' };
  if (
    value.txid !== undefined &&
    !(Array.isArray(value.txid) && value.txid.length <= 64 && value.txid.every((t) => text(t)))
  )
    return { ok: false, reason: 'bad txid' };
  const meta = parseMeta(value.meta);
  if (meta === 'bad') return { ok: false, reason: 'bad meta' };
  if (value.error !== undefined && !isRecord(value.error)) return { ok: false, reason: 'bad error' };
  if (value.expiredReason !== undefined && !EXPIRED_REASONS.includes(value.expiredReason as ExpiredReason))
    return { ok: false, reason: 'bad expiredReason' };
  const intent: OrderIntent = {
    clOrdId: value.clOrdId,
    params,
    state: value.state as IntentState,
    account,
    confirmedAt,
    attempts: value.attempts,
    createdAt: value.createdAt,
    updatedAt: value.updatedAt,
    ...(value.deadlineAt !== undefined ? { deadlineAt: value.deadlineAt as number } : {}),
    ...(value.txid !== undefined ? { txid: value.txid as string[] } : {}),
    ...(value.error !== undefined ? { error: value.error as unknown as OrderIntent['error'] } : {}),
    ...(meta ? { meta } : {}),
    ...(value.expiredReason !== undefined ? { expiredReason: value.expiredReason as ExpiredReason } : {}),
    ...(value.dismissed === true ? { dismissed: true } : {}),
  };
  return { ok: true, intent };
}
