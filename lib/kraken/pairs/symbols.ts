// Kraken's asset and pair names (SPEC.md §7, docs/kraken-quirks.md 9–10). Three generations coexist:
//   REST ids with X/Z prefixes (XXBTZUSD; assets XXBT, ZUSD), REST altnames / WS v1 names (XBTUSD, XBT/USD),
//   and WS v2 names (BTC/USD). Balances add read-only suffixes (.F .S .M .B .T) to the base asset.

/** Legacy asset codes → the v2 name. Newer assets (USDT, SOL, DOT…) are already plain. */
const V2_ASSET: Readonly<Record<string, string>> = {
  XXBT: 'BTC',
  XBT: 'BTC',
  XXDG: 'DOGE',
  XDG: 'DOGE',
  XETH: 'ETH',
  XLTC: 'LTC',
  XXRP: 'XRP',
  XXLM: 'XLM',
  XETC: 'ETC',
  XXMR: 'XMR',
  XZEC: 'ZEC',
  XREP: 'REP',
  XMLN: 'MLN',
  ZUSD: 'USD',
  ZEUR: 'EUR',
  ZGBP: 'GBP',
  ZCAD: 'CAD',
  ZJPY: 'JPY',
  ZAUD: 'AUD',
  ZCHF: 'CHF',
};

/** v2 name → the altname REST and WS v1 use (BTC → XBT, DOGE → XDG); others are unchanged. */
const ALTNAME: Readonly<Record<string, string>> = { BTC: 'XBT', DOGE: 'XDG' };

export type BalanceSuffix = 'F' | 'S' | 'M' | 'B' | 'T';

/** "XXBT" → "BTC", "XBT" → "BTC", "ZUSD" → "USD", "USDT" → "USDT" (case-insensitive). */
export function v2Asset(code: string): string {
  const upper = code.trim().toUpperCase();
  return V2_ASSET[upper] ?? upper;
}

/** Every spelling Kraken uses for a v2 asset name: "BTC" → ["BTC", "XBT", "XXBT"]. */
export function assetSpellings(v2: string): string[] {
  const upper = v2.toUpperCase();
  return [upper, ...Object.entries(V2_ASSET).flatMap(([legacy, name]) => (name === upper ? [legacy] : []))];
}

/** "XBT.F" → { asset: "BTC", suffix: "F" }; "ZUSD" → { asset: "USD" }; "ETH2.S" → { asset: "ETH2", suffix: "S" }. */
export function parseBalanceCode(code: string): { asset: string; suffix?: BalanceSuffix } {
  const m = /^(.+)\.([FSMBT])$/i.exec(code.trim());
  if (!m) return { asset: v2Asset(code) };
  return { asset: v2Asset(m[1] ?? ''), suffix: (m[2] ?? '').toUpperCase() as BalanceSuffix };
}

/** "BTC/USD" → "XBTUSD" (the altname every REST endpoint accepts). */
export function restPairName(v2Symbol: string): string {
  const [base = '', quote = ''] = v2Symbol.toUpperCase().split('/');
  return `${ALTNAME[base] ?? base}${ALTNAME[quote] ?? quote}`;
}

/** "BTC/USD" → "XBT/USD" (AssetPairs `wsname`, WS v1; WS v2 refuses it). */
export function v1PairName(v2Symbol: string): string {
  const [base = '', quote = ''] = v2Symbol.toUpperCase().split('/');
  return `${ALTNAME[base] ?? base}/${ALTNAME[quote] ?? quote}`;
}

/** Minimal pair entry needed to resolve names: Kraken's id plus AssetPairs base/quote/altname/wsname. */
export interface PairNames {
  id: string;
  altname: string;
  wsname?: string;
  base: string;
  quote: string;
}

/** The v2 symbol of an AssetPairs entry: its base and quote asset ids mapped to v2 names. */
export const v2SymbolOf = (p: Pick<PairNames, 'base' | 'quote'>): string =>
  `${v2Asset(p.base)}/${v2Asset(p.quote)}`;

/**
 * Turns any of Kraken's spellings into a v2 symbol: "BTC/USD", "XBT/USD", "xbt-usd", "XBTUSD", "XXBTZUSD".
 * With `pairs` (from AssetPairs) every listed id, altname and wsname resolves exactly; without, slash forms
 * and X/Z-prefixed 8-letter ids are split by rule, and concatenated altnames are split only when one side
 * is a known legacy or fiat code. Returns undefined when it cannot tell.
 */
export function toV2Symbol(input: string, pairs: readonly PairNames[] = []): string | undefined {
  const text = input.trim().toUpperCase().replace(/[-_ ]/g, '/');
  if (!/^[A-Z0-9./]+$/.test(text)) return undefined;
  for (const p of pairs) {
    if (text === p.id.toUpperCase() || text === p.altname.toUpperCase() || text === p.wsname?.toUpperCase()) {
      return v2SymbolOf(p);
    }
  }
  if (text.includes('/')) {
    const parts = text.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
    const symbol = `${v2Asset(parts[0])}/${v2Asset(parts[1])}`;
    if (pairs.length > 0) return pairs.some((p) => v2SymbolOf(p) === symbol) ? symbol : undefined;
    return symbol;
  }
  for (const p of pairs) {
    const [base = '', quote = ''] = v2SymbolOf(p).split('/');
    for (const b of assetSpellings(base))
      for (const q of assetSpellings(quote)) if (text === b + q) return `${base}/${quote}`;
  }
  if (pairs.length > 0) return undefined;
  const legacy = /^([XZ][A-Z]{3})([XZ][A-Z]{3})$/.exec(text);
  if (legacy && V2_ASSET[legacy[1] ?? ''] && V2_ASSET[legacy[2] ?? '']) {
    return `${v2Asset(legacy[1] ?? '')}/${v2Asset(legacy[2] ?? '')}`;
  }
  for (let i = 2; i <= text.length - 2; i++) {
    const base = text.slice(0, i);
    const quote = text.slice(i);
    if (KNOWN_QUOTES.has(quote) || V2_ASSET[quote]) return `${v2Asset(base)}/${v2Asset(quote)}`;
  }
  return undefined;
}

// Quote currencies Kraken lists, used only to split "SOLUSD"-style names without a pair table.
const KNOWN_QUOTES = new Set([
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'JPY',
  'AUD',
  'CHF',
  'USDT',
  'USDC',
  'XBT',
  'BTC',
  'ETH',
  'DAI',
]);
