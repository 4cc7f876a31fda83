import type { AssetSpec } from '../../data/assets.ts';
import { fixed } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';

/** `Balance`: `{"ZUSD":"171288.6158","XXBT":"1011.1908877900",…}` — strings at the asset's precision. */
export const balance: PrivateHandler = ({ account }) => {
  const result: Record<string, JsonValue> = {};
  for (const asset of account.market.listing.assets)
    result[asset.restId] = fixed(account.wallet.balance(asset), asset.instrument.precision);
  return ok(result);
};

/**
 * `BalanceEx`: `{"ZUSD":{"balance":"…","hold_trade":"…"}}` — strings, as the schema says (the inline
 * example shows numbers); `credit`/`credit_used` only exist for accounts with a credit line.
 */
export const balanceEx: PrivateHandler = ({ account }) => {
  const result: Record<string, JsonValue> = {};
  for (const asset of account.market.listing.assets) {
    const decimals = asset.instrument.precision;
    result[asset.restId] = {
      balance: fixed(account.wallet.balance(asset), decimals),
      hold_trade: fixed(account.engine.held(asset), decimals),
    };
  }
  return ok(result);
};

const USD_DECIMALS = 4;

/** Value of an asset balance in ZUSD units (10^-4), at the last trade price of its USD pair. */
function usdValue(
  exchange: Parameters<PrivateHandler>[0]['exchange'],
  asset: AssetSpec,
  amount: bigint,
): bigint {
  if (asset.v2 === 'USD') return amount;
  const spec = exchange.market.listing.pairs.find(
    (pair) => pair.instrument.base === asset.v2 && pair.instrument.quote === 'USD',
  );
  const last = spec ? exchange.market.pair(spec.symbol)?.tape.last()?.tick : undefined;
  if (!spec || last === undefined) return 0n;
  const shift = asset.instrument.precision + spec.priceDecimals - USD_DECIMALS;
  return (amount * BigInt(last)) / 10n ** BigInt(shift);
}

/**
 * `TradeBalance` (spot-only account): equivalent balance `eb` and trade balance `tb` in ZUSD; no margin
 * positions, so m, n, c, v are zero and e = mf = tb (examples/responses/user/trades/balance.yaml).
 */
export const tradeBalance: PrivateHandler = ({ params, exchange, account }) => {
  const asset = params.get('asset') ?? 'ZUSD';
  if (asset !== 'ZUSD' && asset !== 'USD') return fail(invalidArguments('asset'));
  let total = 0n;
  for (const spec of account.market.listing.assets)
    total += usdValue(exchange, spec, account.wallet.balance(spec));
  const text = fixed(total, USD_DECIMALS);
  const zero = fixed(0n, USD_DECIMALS);
  return ok({ eb: text, tb: text, m: zero, n: zero, c: zero, v: zero, e: text, mf: text });
};
