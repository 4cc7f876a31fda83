import { fixed } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import type { Level } from '../../market/book.ts';
import type { PairMarket } from '../../market/pair-market.ts';
import { tickerWindows } from '../../market/stats.ts';
import type { PublicHandler } from '../context.ts';
import { costPrice, lotVolume, volume3, vwapText } from '../numbers.ts';
import { lookupPairs, type NamedPair } from '../pair-names.ts';
import { fail, ok, RestError } from '../reply.ts';

/**
 * `a`/`b` = [price, whole lot volume, lot volume]. Every recorded reply shows the lot volume as the whole lot
 * volume with three zero decimals (`"1","1.000"`, `"16015","16015.000"`), even for BTC where best levels are
 * fractions of a coin: the whole lot volume is the level's quantity rounded up to a whole lot.
 */
function quote(market: PairMarket, level: Level | undefined): JsonValue {
  const spec = market.spec;
  if (!level) return [costPrice(spec, 0), '0', '0.000'];
  const one = 10n ** BigInt(spec.qtyDecimals);
  const whole = (level.qty + one - 1n) / one;
  return [costPrice(spec, level.tick), whole.toString(), volume3(spec, whole * one)];
}

function tickerInfo(market: PairMarket, nowNs: bigint): JsonValue {
  const spec = market.spec;
  const { today, last24h } = tickerWindows(market.minutes, nowNs);
  const last = market.tape.last();
  const best = market.best();
  const price = (ticks: number | undefined) => costPrice(spec, ticks ?? 0);
  return {
    a: quote(market, best.ask),
    b: quote(market, best.bid),
    c: [price(last?.tick), lotVolume(spec, last?.qty ?? 0n)],
    v: [lotVolume(spec, today?.volume ?? 0n), lotVolume(spec, last24h?.volume ?? 0n)],
    p: [vwapText(spec, today, spec.costDecimals), vwapText(spec, last24h, spec.costDecimals)],
    t: [today?.count ?? 0, last24h?.count ?? 0],
    l: [price(today?.low), price(last24h?.low)],
    h: [price(today?.high), price(last24h?.high)],
    o: today ? price(today.open) : fixed(0, spec.costDecimals),
  };
}

/**
 * GET /0/public/Ticker (https://docs.kraken.com/api/docs/rest-api/get-ticker-information). Without `pair`
 * every pair is returned (current docs; the 2019 API answered "EGeneral:Invalid arguments" instead).
 * With a list, results follow the request order (as in a recorded multi-pair reply).
 */
export const ticker: PublicHandler = (params, { market }) => {
  const assetClass = params.get('asset_class');
  if (assetClass !== undefined && assetClass !== 'tokenized_asset') return fail(RestError.invalidArguments);
  const list = params.get('pair');
  let named: readonly NamedPair[];
  if (list === undefined || list === '') {
    named = market.listing.pairs.map((spec) => ({ spec, key: spec.restId }));
  } else {
    const lookup = lookupPairs(list, market.listing);
    if (lookup.kind === 'unknown') return fail(RestError.unknownPair);
    named = lookup.pairs;
  }
  if (assetClass === 'tokenized_asset') return fail(RestError.unknownPair);
  const nowNs = market.nowNs();
  const entries: [string, JsonValue][] = [];
  for (const { spec, key } of named) {
    const pair = market.pair(spec.symbol);
    if (pair) entries.push([key, tickerInfo(pair, nowNs)]);
  }
  return ok(Object.fromEntries(entries));
};
