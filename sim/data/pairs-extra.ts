import type { PairNames } from './pair-names.ts';

/**
 * The 14 opt-in pairs (`--pairs 20`; the default lists only the six in pairs.ts): liquid USD-quoted pairs of
 * the real 2024 instrument snapshot whose price_increment is 10^-price_precision.
 *
 * REST names: Kraken documents none of these pair ids. They are as third-party clients recorded them from
 * live AssetPairs replies (docs/kraken-quirks.md, "Simulator: REST market data" entry 16):
 * XLTCZUSD/LTCUSD/LTC/USD, XXLMZUSD/XLMUSD/XLM/USD, XXMRZUSD/XMRUSD/XMR/USD and ZEURZUSD/EURUSD/EUR/USD
 * recorded whole; ADA, DOT, LINK, AVAX, UNI, BCH and ALGO recorded as id + wsname (altname = id, as for
 * SOLUSD); XETCZUSD, ATOMUSD and TRXUSD recorded as ids only, their altnames and wsnames inferred from the
 * pattern.
 *
 * Start prices: round figures near where these pairs traded in early 2025, the period of the six default
 * pairs' prices (from memory of the market, not from a feed). Takers per step are low (0.1–0.2, against
 * 0.25–1.6 for the six) so 14 more pairs add little CPU; their books and history are as deep as the others'.
 * Trade ids start at 100 M, 101 M, … (one range per pair, clear of the six default pairs' 10–80 M).
 */
export const EXTRA_PAIR_NAMES: readonly PairNames[] = [
  {
    symbol: 'LTC/USD',
    restId: 'XLTCZUSD',
    altname: 'LTCUSD',
    wsname: 'LTC/USD',
    startPrice: '105.00',
    usdPerQuote: 1,
    takersPerStep: 0.2,
    tradeIdBase: 100_000_000,
  },
  {
    symbol: 'BCH/USD',
    restId: 'BCHUSD',
    altname: 'BCHUSD',
    wsname: 'BCH/USD',
    startPrice: '430.00',
    usdPerQuote: 1,
    takersPerStep: 0.15,
    tradeIdBase: 101_000_000,
  },
  {
    symbol: 'XMR/USD',
    restId: 'XXMRZUSD',
    altname: 'XMRUSD',
    wsname: 'XMR/USD',
    startPrice: '200.00',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 102_000_000,
  },
  {
    symbol: 'ETC/USD',
    restId: 'XETCZUSD',
    altname: 'ETCUSD',
    wsname: 'ETC/USD',
    startPrice: '26.000',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 103_000_000,
  },
  {
    symbol: 'XLM/USD',
    restId: 'XXLMZUSD',
    altname: 'XLMUSD',
    wsname: 'XLM/USD',
    startPrice: '0.420000',
    usdPerQuote: 1,
    takersPerStep: 0.15,
    tradeIdBase: 104_000_000,
  },
  {
    symbol: 'ADA/USD',
    restId: 'ADAUSD',
    altname: 'ADAUSD',
    wsname: 'ADA/USD',
    startPrice: '0.950000',
    usdPerQuote: 1,
    takersPerStep: 0.2,
    tradeIdBase: 105_000_000,
  },
  {
    symbol: 'DOT/USD',
    restId: 'DOTUSD',
    altname: 'DOTUSD',
    wsname: 'DOT/USD',
    startPrice: '6.5000',
    usdPerQuote: 1,
    takersPerStep: 0.15,
    tradeIdBase: 106_000_000,
  },
  {
    symbol: 'LINK/USD',
    restId: 'LINKUSD',
    altname: 'LINKUSD',
    wsname: 'LINK/USD',
    startPrice: '22.00000',
    usdPerQuote: 1,
    takersPerStep: 0.15,
    tradeIdBase: 107_000_000,
  },
  {
    symbol: 'AVAX/USD',
    restId: 'AVAXUSD',
    altname: 'AVAXUSD',
    wsname: 'AVAX/USD',
    startPrice: '35.00',
    usdPerQuote: 1,
    takersPerStep: 0.15,
    tradeIdBase: 108_000_000,
  },
  {
    symbol: 'ATOM/USD',
    restId: 'ATOMUSD',
    altname: 'ATOMUSD',
    wsname: 'ATOM/USD',
    startPrice: '6.5000',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 109_000_000,
  },
  {
    symbol: 'UNI/USD',
    restId: 'UNIUSD',
    altname: 'UNIUSD',
    wsname: 'UNI/USD',
    startPrice: '13.000',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 110_000_000,
  },
  {
    symbol: 'ALGO/USD',
    restId: 'ALGOUSD',
    altname: 'ALGOUSD',
    wsname: 'ALGO/USD',
    startPrice: '0.38000',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 111_000_000,
  },
  {
    symbol: 'TRX/USD',
    restId: 'TRXUSD',
    altname: 'TRXUSD',
    wsname: 'TRX/USD',
    startPrice: '0.250000',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 112_000_000,
  },
  {
    symbol: 'EUR/USD',
    restId: 'ZEURZUSD',
    altname: 'EURUSD',
    wsname: 'EUR/USD',
    startPrice: '1.03000',
    usdPerQuote: 1,
    takersPerStep: 0.1,
    tradeIdBase: 113_000_000,
  },
];
