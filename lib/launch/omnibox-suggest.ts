// The address bar's answers: which pairs a coin names (the watchlist's first, with their live prices), what a
// command will open, and the launch it becomes when entered. Pure: the market's view and a translator are
// passed in; the background turns the texts into the browser's suggestions (entrypoints/background/omnibox.ts).
import type { Locale } from '../i18n/locales.ts';
import { localeDecimal, numberProblemText } from '../i18n/number-input.ts';
import type { Translate } from '../i18n/translate.ts';
import { assetSpellings, v2Asset } from '../kraken/index.ts';
import type { MarketSnapshot } from '../market/types.ts';
import type { FieldProblem, OmniboxCommand } from './omnibox-parse.ts';
import type { Launch } from './types.ts';

export type MarketView = Pick<MarketSnapshot, 'pairs' | 'watchlist' | 'ticks'>;

export interface Suggestion {
  /** What the address bar enters when the suggestion is picked (a pair symbol). */
  content: string;
  description: string;
}

export interface Answer {
  /** The first line: what Enter on the typed text does, or what is wrong with it and how to write it. */
  heading: string;
  suggestions: Suggestion[];
}

/** What entering a command opens, and the pair it needs on the watchlist first (the ticket trades those). */
export interface Entered {
  launch: Launch;
  addToWatchlist: string | null;
}

/** The address bar shows about six lines; one is the heading. */
export const MAX_SUGGESTIONS = 5;
/** Quotes a coin is most often traded in, for the pair a bare coin means when none is on the watchlist. */
const QUOTE_ORDER = ['USD', 'EUR', 'USDT', 'USDC', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD', 'BTC', 'ETH'];

function quoteRank(quote: string): number {
  const i = QUOTE_ORDER.indexOf(quote);
  return i < 0 ? QUOTE_ORDER.length : i;
}

/**
 * The listed pairs a query names, best first: one pair ("btc/eur", "xbteur") or every pair whose base is the
 * coin ("btc", "xbt"), the watchlist's in its order, then by quote (USD, EUR, …), then by name. With
 * `quoted`, the pairs priced in the coin follow ("ETH/BTC" is a BTC pair too, but `buy 1 btc` never buys ETH).
 */
export function matchPairs(query: string, market: MarketView, options: { quoted?: boolean } = {}): string[] {
  const q = query.trim().toUpperCase().replace(/[-_]/g, '/');
  const listed = (s: string) => Object.hasOwn(market.pairs, s);
  if (q.includes('/')) {
    const [base = '', quote = ''] = q.split('/');
    const symbol = `${v2Asset(base)}/${v2Asset(quote)}`;
    return listed(symbol) ? [symbol] : [];
  }
  const coin = v2Asset(q);
  const pairs = Object.values(market.pairs);
  const onList = (s: string) => {
    const i = market.watchlist.indexOf(s);
    return i < 0 ? market.watchlist.length : i;
  };
  const rank = (side: 'base' | 'quote') => (a: string, b: string) => {
    const other = side === 'base' ? 1 : 0;
    const oa = a.split('/')[other] ?? '';
    const ob = b.split('/')[other] ?? '';
    return onList(a) - onList(b) || quoteRank(oa) - quoteRank(ob) || a.localeCompare(b);
  };
  const ofCoin = pairs.filter((p) => p.base === coin).map((p) => p.symbol);
  const inCoin = options.quoted ? pairs.filter((p) => p.quote === coin).map((p) => p.symbol) : [];
  if (ofCoin.length + inCoin.length > 0) return [...ofCoin.sort(rank('base')), ...inCoin.sort(rank('quote'))];
  // "XBTUSD": a pair spelled without a separator, legacy names included.
  for (const p of pairs) {
    for (const b of assetSpellings(p.base))
      for (const qu of assetSpellings(p.quote)) if (q === b + qu) return [p.symbol];
  }
  return [];
}

function pairLine(symbol: string, market: MarketView, t: Translate, locale: Locale): string {
  const tick = market.ticks[symbol];
  if (!tick || !market.watchlist.includes(symbol)) return t('omnibox.pairNoPrice', { symbol });
  // Prices on display only (never an order's): the tick's number at the pair's precision.
  const digits = Math.min(Math.max(market.pairs[symbol]?.pricePrecision ?? 2, 0), 12);
  const price = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const change = new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 2,
  });
  return t('omnibox.pair', {
    symbol,
    price: price.format(tick.last),
    change: change.format(tick.changePct / 100),
  });
}

function fieldText(field: FieldProblem, t: Translate): string {
  const problem =
    field.problem === 'zero' ? t('omnibox.error.zero') : numberProblemText(field.problem, field.text, t);
  switch (field.name) {
    case 'amount':
      return t('omnibox.error.amount', { problem });
    case 'price':
      return t('omnibox.error.price', { problem });
    case 'level':
      return t('omnibox.error.level', { problem });
    default: {
      const never: never = field.name;
      throw new RangeError(`unknown field ${String(never)}`);
    }
  }
}

/** The error of a command that cannot be opened, with the syntax; null when it can be. */
function problemOf(command: OmniboxCommand, market: MarketView, t: Translate): string | null {
  switch (command.kind) {
    case 'help':
      return null;
    case 'invalid': {
      const syntax =
        command.syntax === 'order'
          ? t('omnibox.error.order')
          : command.syntax === 'alert'
            ? t('omnibox.error.alert')
            : `${t('omnibox.error.unknown', { text: command.text })} ${t('omnibox.default')}`;
      return command.field ? `${fieldText(command.field, t)} ${syntax}` : syntax;
    }
    case 'market':
    case 'order':
    case 'alert':
      if (Object.keys(market.pairs).length === 0) return t('omnibox.error.noPairs');
      return matchPairs(command.query, market).length === 0
        ? t('omnibox.error.unknownMarket', { text: command.query })
        : null;
    default: {
      const never: never = command;
      throw new RangeError(`unknown command ${String(never)}`);
    }
  }
}

/** What the address bar shows for the typed command. */
export function answer(command: OmniboxCommand, market: MarketView, t: Translate, locale: Locale): Answer {
  const problem = problemOf(command, market, t);
  if (problem !== null) return { heading: problem, suggestions: [] };
  switch (command.kind) {
    case 'help':
    case 'invalid':
      return { heading: t('omnibox.default'), suggestions: [] };
    case 'market': {
      // Every pair as a line with its price; the heading repeats the first, which Enter on the typed text opens.
      const all = matchPairs(command.query, market, { quoted: true });
      const shown = all.slice(0, MAX_SUGGESTIONS);
      const more = all.length - shown.length;
      const heading = pairLine(all[0] ?? '', market, t, locale);
      return {
        heading: more > 0 ? `${heading} ${t('omnibox.morePairs', { count: more })}` : heading,
        suggestions: shown.map((symbol) => ({
          content: symbol,
          description: pairLine(symbol, market, t, locale),
        })),
      };
    }
    case 'order': {
      const symbol = matchPairs(command.query, market)[0] ?? '';
      const info = market.pairs[symbol];
      const params = {
        side: t(command.side === 'buy' ? 'omnibox.side.buy' : 'omnibox.side.sell'),
        amount: localeDecimal(command.amount, locale),
        base: info?.base ?? '',
        symbol,
      };
      return {
        heading:
          command.price === null
            ? t('omnibox.order.market', params)
            : t('omnibox.order.limit', {
                ...params,
                price: localeDecimal(command.price, locale),
                quote: info?.quote ?? '',
              }),
        suggestions: [],
      };
    }
    case 'alert': {
      const symbol = matchPairs(command.query, market)[0] ?? '';
      return {
        heading: t('omnibox.alert', {
          symbol,
          direction: t(command.direction === 'above' ? 'omnibox.direction.above' : 'omnibox.direction.below'),
          level: localeDecimal(command.level, locale),
        }),
        suggestions: [],
      };
    }
    default: {
      const never: never = command;
      throw new RangeError(`unknown command ${String(never)}`);
    }
  }
}

/** What entering the typed command opens. Help opens the ticket on the first watchlist pair. */
export function entered(command: OmniboxCommand, market: MarketView, t: Translate): Entered {
  const problem = problemOf(command, market, t);
  if (problem !== null) return { launch: { kind: 'failed', reason: problem }, addToWatchlist: null };
  const add = (symbol: string) => (market.watchlist.includes(symbol) ? null : symbol);
  switch (command.kind) {
    case 'help':
    case 'invalid': {
      const symbol = market.watchlist[0];
      return symbol
        ? { launch: { kind: 'ticket', symbol, order: null }, addToWatchlist: null }
        : { launch: { kind: 'failed', reason: t('omnibox.default') }, addToWatchlist: null };
    }
    case 'market': {
      const symbol = matchPairs(command.query, market)[0] ?? '';
      return { launch: { kind: 'ticket', symbol, order: null }, addToWatchlist: add(symbol) };
    }
    case 'order': {
      const symbol = matchPairs(command.query, market)[0] ?? '';
      const order = { side: command.side, amount: command.amount, limitPrice: command.price };
      return { launch: { kind: 'ticket', symbol, order }, addToWatchlist: add(symbol) };
    }
    case 'alert': {
      const symbol = matchPairs(command.query, market)[0] ?? '';
      const { direction, level } = command;
      // Alerts watch any listed pair (lib/alerts), on the watchlist or not.
      return { launch: { kind: 'alert', symbol, direction, level }, addToWatchlist: null };
    }
    default: {
      const never: never = command;
      throw new RangeError(`unknown command ${String(never)}`);
    }
  }
}
