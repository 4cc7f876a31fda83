import { toUnits } from '../decimal.ts';
import { assetByV2 } from './assets.ts';
import { INSTRUMENT_PAIRS, type InstrumentPair } from './instruments.ts';
import { EXTRA_INSTRUMENT_PAIRS } from './instruments-extra.ts';
import type { PairNames } from './pair-names.ts';
import { EXTRA_PAIR_NAMES } from './pairs-extra.ts';

/** Everything the simulator knows about one pair: Kraken's names and metadata, plus market-model knobs. */
export interface PairSpec {
  /** WS v2 symbol, e.g. `BTC/USD`. */
  readonly symbol: string;
  /** REST pair id (the key of REST results), e.g. `XXBTZUSD`. */
  readonly restId: string;
  /** REST altname, e.g. `XBTUSD`. */
  readonly altname: string;
  /** REST `wsname` — the WS *v1* name (`XBT/USD`), which WS v2 rejects (SPEC §5.3, §9.6). */
  readonly wsname: string;
  readonly restBase: string;
  readonly restQuote: string;
  readonly instrument: InstrumentPair;
  /** Decimals of prices (= `price_precision` = REST `pair_decimals`); prices are integer ticks of 10^-this. */
  readonly priceDecimals: number;
  /** Decimals of quantities (= `qty_precision` = REST `lot_decimals`); quantities are integer base units. */
  readonly qtyDecimals: number;
  /** `cost_precision` = REST `cost_decimals`. */
  readonly costDecimals: number;
  /** Start price in ticks. */
  readonly startTicks: number;
  /** Quote value of one base unit in USD, for sizing orders (ETH/BTC is quoted in BTC). */
  readonly usdPerQuote: number;
  /** Mean number of taker orders per market step (Poisson). */
  readonly takersPerStep: number;
  /** First trade id of the synthetic tape. */
  readonly tradeIdBase: number;
  /** `qty_min` in base units. */
  readonly qtyMinUnits: bigint;
  /**
   * Which seeded random streams the pair draws from (market/market.ts): fixed per pair, so the six default
   * pairs move the same with or without the opt-in ones.
   */
  readonly streamIndex: number;
}

// REST ids/altnames/wsnames as Kraken's AssetPairs reports them (official example for XXBTZUSD and XETHXXBT:
// krakenfx/api-specs spot-rest/examples/responses/public/assets/pairs.yaml; the others as recorded by
// third-party clients, see docs/kraken-quirks.md). Start prices are "realistic" round figures.
const NAMES: readonly PairNames[] = [
  {
    symbol: 'BTC/USD',
    restId: 'XXBTZUSD',
    altname: 'XBTUSD',
    wsname: 'XBT/USD',
    startPrice: '97000.0',
    usdPerQuote: 1,
    takersPerStep: 1.6,
    tradeIdBase: 80_000_000,
  },
  {
    symbol: 'ETH/USD',
    restId: 'XETHZUSD',
    altname: 'ETHUSD',
    wsname: 'ETH/USD',
    startPrice: '3400.00',
    usdPerQuote: 1,
    takersPerStep: 1.0,
    tradeIdBase: 60_000_000,
  },
  {
    symbol: 'SOL/USD',
    restId: 'SOLUSD',
    altname: 'SOLUSD',
    wsname: 'SOL/USD',
    startPrice: '180.00',
    usdPerQuote: 1,
    takersPerStep: 0.7,
    tradeIdBase: 30_000_000,
  },
  {
    symbol: 'XRP/USD',
    restId: 'XXRPZUSD',
    altname: 'XRPUSD',
    wsname: 'XRP/USD',
    startPrice: '2.30000',
    usdPerQuote: 1,
    takersPerStep: 0.6,
    tradeIdBase: 40_000_000,
  },
  {
    symbol: 'DOGE/USD',
    restId: 'XDGUSD',
    altname: 'XDGUSD',
    wsname: 'XDG/USD',
    startPrice: '0.3800000',
    usdPerQuote: 1,
    takersPerStep: 0.5,
    tradeIdBase: 20_000_000,
  },
  {
    symbol: 'ETH/BTC',
    restId: 'XETHXXBT',
    altname: 'ETHXBT',
    wsname: 'ETH/XBT',
    startPrice: '0.03500',
    usdPerQuote: 97_000,
    takersPerStep: 0.25,
    tradeIdBase: 10_000_000,
  },
];

function buildSpec(names: PairNames, streamIndex: number): PairSpec {
  const instrument =
    INSTRUMENT_PAIRS.find((pair) => pair.symbol === names.symbol) ??
    EXTRA_INSTRUMENT_PAIRS.find((pair) => pair.symbol === names.symbol);
  if (!instrument) throw new Error(`no instrument data for ${names.symbol}`);
  const priceDecimals = instrument.price_precision;
  // The market moves in whole ticks; that is only sound if the increment is exactly 10^-price_precision.
  if (toUnits(instrument.price_increment, priceDecimals) !== 1n) {
    throw new Error(`${names.symbol}: price_increment is not 10^-price_precision`);
  }
  return {
    symbol: names.symbol,
    restId: names.restId,
    altname: names.altname,
    wsname: names.wsname,
    restBase: assetByV2(instrument.base).restId,
    restQuote: assetByV2(instrument.quote).restId,
    instrument,
    priceDecimals,
    qtyDecimals: instrument.qty_precision,
    costDecimals: instrument.cost_precision,
    startTicks: Number(toUnits(names.startPrice, priceDecimals)),
    usdPerQuote: names.usdPerQuote,
    takersPerStep: names.takersPerStep,
    tradeIdBase: names.tradeIdBase,
    qtyMinUnits: toUnits(instrument.qty_min, instrument.qty_precision),
    streamIndex,
  };
}

/** Kraken lists AssetPairs/Ticker results sorted by pair id. */
export function byRestId(a: { readonly restId: string }, b: { readonly restId: string }): number {
  return a.restId < b.restId ? -1 : 1;
}

// Stream indices: the six default pairs keep the ones they had before the opt-in pairs existed (their
// position in REST id order); the opt-in pairs come after them.

/** The six default pairs, in REST id order. */
export const CORE_PAIRS: readonly PairSpec[] = [...NAMES].sort(byRestId).map(buildSpec);

/** The 14 opt-in pairs (`--pairs 20`), in REST id order. */
export const EXTRA_PAIRS: readonly PairSpec[] = [...EXTRA_PAIR_NAMES]
  .sort(byRestId)
  .map((names, i) => buildSpec(names, CORE_PAIRS.length + i));
