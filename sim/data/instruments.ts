/**
 * WS v2 `instrument` metadata of the simulated pairs and assets, copied from a REAL `instrument` snapshot
 * (kraken-data-recorder test/data/instrument_snapshot.json, 2024-04; see
 * test/fixtures/kraken/PROVENANCE.md). Field order and number text are kept exactly as on the wire:
 * string values here are JSON number text (`1E-8`, `0.50`, `0.00010000`) that the `instrument` channel
 * writes verbatim. test/sim/instrument-data.test.ts checks every field against the fixture.
 */

/** JSON number text, written to the wire verbatim. */
export type NumberText = string;

export interface InstrumentAsset {
  readonly id: string;
  readonly status: 'enabled' | 'depositonly' | 'withdrawalonly' | 'fundingtemporarilydisabled';
  readonly precision: number;
  readonly precision_display: number;
  readonly borrowable: boolean;
  readonly collateral_value: NumberText;
  readonly margin_rate: NumberText;
}

interface InstrumentPairCommon {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly status:
    | 'online'
    | 'cancel_only'
    | 'delisted'
    | 'limit_only'
    | 'maintenance'
    | 'post_only'
    | 'reduce_only';
  readonly qty_precision: number;
  readonly qty_increment: NumberText;
  readonly price_precision: number;
  readonly cost_precision: number;
  readonly has_index: boolean;
  readonly cost_min: NumberText;
  readonly tick_size: NumberText;
  readonly price_increment: NumberText;
  readonly qty_min: NumberText;
}

/**
 * A pair's record. Marginable pairs carry `margin_initial` and the position limits (between `cost_min` and
 * `tick_size` on the wire); the others (EUR/USD in the real snapshot) omit those members.
 */
export type InstrumentPair = InstrumentPairCommon &
  (
    | {
        readonly marginable: true;
        readonly margin_initial: NumberText;
        readonly position_limit_long: number;
        readonly position_limit_short: number;
      }
    | { readonly marginable: false }
  );

/** In the fixture's order (USD, BTC, XRP, DOGE, ETH, SOL). */
export const INSTRUMENT_ASSETS: readonly InstrumentAsset[] = [
  {
    id: 'USD',
    status: 'enabled',
    precision: 4,
    precision_display: 2,
    borrowable: true,
    collateral_value: '1.00',
    margin_rate: '0.025000',
  },
  {
    id: 'BTC',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '1.00',
    margin_rate: '0.010000',
  },
  {
    id: 'XRP',
    status: 'enabled',
    precision: 8,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'DOGE',
    status: 'enabled',
    precision: 8,
    precision_display: 2,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'ETH',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '1.00',
    margin_rate: '0.020000',
  },
  {
    id: 'SOL',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.90',
    margin_rate: '0.020000',
  },
];

/** In the fixture's order (BTC/USD, ETH/USD, ETH/BTC, XRP/USD, DOGE/USD, SOL/USD). */
export const INSTRUMENT_PAIRS: readonly InstrumentPair[] = [
  {
    symbol: 'BTC/USD',
    base: 'BTC',
    quote: 'USD',
    status: 'online',
    qty_precision: 8,
    qty_increment: '1E-8',
    price_precision: 1,
    cost_precision: 5,
    marginable: true,
    has_index: true,
    cost_min: '0.50',
    margin_initial: '0.20',
    position_limit_long: 300,
    position_limit_short: 240,
    tick_size: '0.1',
    price_increment: '0.1',
    qty_min: '0.00010000',
  },
  {
    symbol: 'ETH/USD',
    base: 'ETH',
    quote: 'USD',
    status: 'online',
    qty_precision: 8,
    qty_increment: '1E-8',
    price_precision: 2,
    cost_precision: 5,
    marginable: true,
    has_index: true,
    cost_min: '0.50',
    margin_initial: '0.20',
    position_limit_long: 2700,
    position_limit_short: 1700,
    tick_size: '0.01',
    price_increment: '0.01',
    qty_min: '0.00200000',
  },
  {
    symbol: 'ETH/BTC',
    base: 'ETH',
    quote: 'BTC',
    status: 'online',
    qty_precision: 8,
    qty_increment: '1E-8',
    price_precision: 5,
    cost_precision: 10,
    marginable: true,
    has_index: true,
    cost_min: '0.00002',
    margin_initial: '0.20',
    position_limit_long: 1000,
    position_limit_short: 600,
    tick_size: '0.00001',
    price_increment: '0.00001',
    qty_min: '0.00200000',
  },
  {
    symbol: 'XRP/USD',
    base: 'XRP',
    quote: 'USD',
    status: 'online',
    qty_precision: 8,
    qty_increment: '1E-8',
    price_precision: 5,
    cost_precision: 8,
    marginable: true,
    has_index: true,
    cost_min: '0.50',
    margin_initial: '0.20',
    position_limit_long: 2000000,
    position_limit_short: 1200000,
    tick_size: '0.00001',
    price_increment: '0.00001',
    qty_min: '10.00000000',
  },
  {
    symbol: 'DOGE/USD',
    base: 'DOGE',
    quote: 'USD',
    status: 'online',
    qty_precision: 8,
    qty_increment: '1E-8',
    price_precision: 7,
    cost_precision: 9,
    marginable: true,
    has_index: true,
    cost_min: '0.50',
    margin_initial: '0.20',
    position_limit_long: 10700000,
    position_limit_short: 6100000,
    tick_size: '1E-7',
    price_increment: '1E-7',
    qty_min: '60.00000000',
  },
  {
    symbol: 'SOL/USD',
    base: 'SOL',
    quote: 'USD',
    status: 'online',
    qty_precision: 8,
    qty_increment: '1E-8',
    price_precision: 2,
    cost_precision: 5,
    marginable: true,
    has_index: true,
    cost_min: '0.50',
    margin_initial: '0.25',
    position_limit_long: 37000,
    position_limit_short: 24000,
    tick_size: '0.01',
    price_increment: '0.01',
    qty_min: '0.05000000',
  },
];
