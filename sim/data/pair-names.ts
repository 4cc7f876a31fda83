/** Kraken's REST names of a pair and the market model's knobs (pairs.ts and pairs-extra.ts). */
export interface PairNames {
  readonly symbol: string;
  readonly restId: string;
  readonly altname: string;
  readonly wsname: string;
  readonly startPrice: string;
  readonly usdPerQuote: number;
  readonly takersPerStep: number;
  readonly tradeIdBase: number;
}
