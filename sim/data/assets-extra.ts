import type { InstrumentAsset } from './instruments.ts';

/**
 * The assets of the 14 opt-in pairs (`--pairs 20`).
 *
 * REST ids and altnames: the legacy X (crypto) / Z (fiat) prefixes survive on the old assets. Kraken's own
 * Assets example lists `XLTC`/LTC, `XXLM`/XLM, `XETC`/ETC, `XXMR`/XMR, `ZEUR`/EUR, `ADA`, `BCH`
 * (krakenfx/api-specs spot-rest/examples/responses/public/assets/info.yaml, in test/fixtures/kraken/official);
 * Kraken's 2022 OpenAPI Balance example lists `ATOM`, `LINK`, `ALGO`, `TRX`, `DOT` unprefixed. `AVAX` and
 * `UNI` are in neither: unprefixed as every asset listed since ~2018 (SPEC §7, "newer assets unprefixed"),
 * which third-party recordings of AssetPairs agree with (docs/kraken-quirks.md) — not confirmed by Kraken.
 */
export const EXTRA_REST_NAMES: readonly (readonly [v2: string, restId: string, altname: string])[] = [
  ['EUR', 'ZEUR', 'EUR'],
  ['LTC', 'XLTC', 'LTC'],
  ['XLM', 'XXLM', 'XLM'],
  ['ETC', 'XETC', 'ETC'],
  ['XMR', 'XXMR', 'XMR'],
  ['BCH', 'BCH', 'BCH'],
  ['ADA', 'ADA', 'ADA'],
  ['ATOM', 'ATOM', 'ATOM'],
  ['LINK', 'LINK', 'LINK'],
  ['ALGO', 'ALGO', 'ALGO'],
  ['TRX', 'TRX', 'TRX'],
  ['DOT', 'DOT', 'DOT'],
  ['UNI', 'UNI', 'UNI'],
  ['AVAX', 'AVAX', 'AVAX'],
];

/**
 * Their `instrument` asset records, copied from the REAL 2024 snapshot (see instruments.ts) with the field
 * order and number text as on the wire, in the fixture's order.
 */
export const EXTRA_INSTRUMENT_ASSETS: readonly InstrumentAsset[] = [
  {
    id: 'EUR',
    status: 'enabled',
    precision: 4,
    precision_display: 2,
    borrowable: true,
    collateral_value: '1.00',
    margin_rate: '0.020000',
  },
  {
    id: 'LTC',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.70',
    margin_rate: '0.020000',
  },
  {
    id: 'XLM',
    status: 'enabled',
    precision: 8,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'ETC',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'XMR',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'BCH',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'ADA',
    status: 'enabled',
    precision: 8,
    precision_display: 6,
    borrowable: true,
    collateral_value: '0.90',
    margin_rate: '0.020000',
  },
  {
    id: 'ATOM',
    status: 'enabled',
    precision: 8,
    precision_display: 6,
    borrowable: true,
    collateral_value: '0.70',
    margin_rate: '0.020000',
  },
  {
    id: 'LINK',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.70',
    margin_rate: '0.020000',
  },
  {
    id: 'ALGO',
    status: 'enabled',
    precision: 8,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'TRX',
    status: 'enabled',
    precision: 8,
    precision_display: 6,
    borrowable: true,
    collateral_value: '0.50',
    margin_rate: '0.020000',
  },
  {
    id: 'DOT',
    status: 'enabled',
    precision: 10,
    precision_display: 8,
    borrowable: true,
    collateral_value: '0.90',
    margin_rate: '0.020000',
  },
  {
    id: 'UNI',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.00',
    margin_rate: '0.020000',
  },
  {
    id: 'AVAX',
    status: 'enabled',
    precision: 10,
    precision_display: 5,
    borrowable: true,
    collateral_value: '0.50',
    margin_rate: '0.020000',
  },
];
