import type { LedgerEntry } from '../../account/wallet.ts';
import { fixed } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';
import { seconds } from './render.ts';

/** Ledgers page size (https://docs.kraken.com/api/docs/rest-api/get-ledgers: "50 results at a time"). */
const PAGE = 50;

/**
 * A ledger entry as in examples/responses/user/ledgers/info.yaml: `refid`, `time`, `type`, `aclass`, `asset`,
 * `amount`, `fee`, `balance` (strings at the asset's precision), plus the schema's `subtype` (empty for trades).
 */
function renderEntry(entry: LedgerEntry): JsonValue {
  const decimals = entry.asset.instrument.precision;
  return {
    refid: entry.refId,
    time: seconds(entry.timeNs),
    type: entry.type,
    subtype: '',
    aclass: 'currency',
    asset: entry.asset.restId,
    amount: fixed(entry.amount, decimals),
    fee: fixed(entry.fee, decimals),
    balance: fixed(entry.balance, decimals),
  };
}

/** `Ledgers` → `{"ledger":{id:entry},"count":N}`, newest first; `asset` (comma list of REST ids), `type`, `ofs`. */
export const ledgers: PrivateHandler = ({ params, account }) => {
  const ofsText = params.get('ofs') ?? '0';
  if (!/^\d{1,9}$/.test(ofsText)) return fail(invalidArguments('ofs'));
  // Any documented type is accepted (deposit, withdrawal, …); the demo account only has trades.
  const type = params.get('type') ?? 'all';
  if (!/^[a-z]+$/.test(type)) return fail(invalidArguments('type'));
  const assets = (params.get('asset') ?? 'all').split(',');
  const entries = [...account.ledger.all()]
    .reverse()
    .filter((entry) => type === 'all' || entry.type === type)
    .filter(
      (entry) =>
        assets.includes('all') || assets.includes(entry.asset.restId) || assets.includes(entry.asset.altname),
    );
  const ledger: Record<string, JsonValue> = {};
  const ofs = Number(ofsText);
  for (const entry of entries.slice(ofs, ofs + PAGE)) ledger[entry.id] = renderEntry(entry);
  return ok({ ledger, count: entries.length });
};

/** `QueryLedgers` → `{id:entry}`; `id` comma list (≤ 20) required; unknown ids are left out. */
export const queryLedgers: PrivateHandler = ({ params, account }) => {
  const ids = (params.get('id') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > 20) return fail(invalidArguments('id'));
  const result: Record<string, JsonValue> = {};
  for (const id of ids) {
    const entry = account.ledger.get(id);
    if (entry) result[id] = renderEntry(entry);
  }
  return ok(result);
};
