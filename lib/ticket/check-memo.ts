// The ticket's check, run again only when something it reads changed. A tick changes the last price and a book
// event the book; the check reads the book only for market and post-only limit orders, the last price only for
// stops, trailing stops and market orders without a book, the clock only for a GTD expiry (to the second), and
// of the balances only the pair's base and quote. While the
// Trade tab is hidden it does not run at all: the last result stays, and the next visible render catches up.
import type { Locale } from '../i18n/locales.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { BookTop } from '../orders/types.ts';
import type { TradingMode } from '../trading/types.ts';
import { checkTicket } from './check.ts';
import { hasFixedTrigger, takingSide } from './price.ts';
import { draftOf, type TicketForm } from './state.ts';
import { readDraft, withReadProblems } from './typed.ts';
import type { TicketCheck, TicketContext } from './types.ts';

/** Everything the check may read, as the ticket has it on a render. */
export interface CheckInputs {
  /** Changes (as an object) only when the person changes the form. */
  form: TicketForm;
  rules: PairRules;
  book: BookTop | undefined;
  last: string | undefined;
  /** Available balances by asset; only the pair's base and quote are read. */
  available: Readonly<Record<string, string>>;
  fees: TicketContext['fees'];
  mode: TradingMode;
  /** Kraken's exchange status, when it is not online. */
  system?: string;
  /** Now (ms): read only by a GTD expiry, and then only to the second. */
  now?: number;
  /** The page's language: how typed numbers are read ("0,5" in French). English when absent. */
  locale?: Locale;
}

export function contextOf(inputs: CheckInputs): TicketContext {
  const { rules, book, last, available, fees, system, now, locale } = inputs;
  return {
    ...(locale !== undefined ? { locale } : {}),
    rules,
    available,
    fees,
    ...(book ? { book } : {}),
    ...(last !== undefined ? { last } : {}),
    ...(system !== undefined ? { system } : {}),
    ...(now !== undefined ? { now } : {}),
  };
}

/** What the check of these inputs depends on: equal keys (Object.is, one by one) give the same check. */
export function checkKeys(inputs: CheckInputs): readonly unknown[] {
  const draft = draftOf(inputs.form);
  const market = draft.type === 'market';
  const usesBook = market || (draft.type === 'limit' && draft.postOnly);
  const usesLast =
    hasFixedTrigger(draft.type) ||
    draft.type === 'trailing-stop' ||
    draft.type === 'trailing-stop-limit' ||
    (market && takingSide(draft, contextOf(inputs)) === undefined);
  const { form, rules, fees, mode, available, system, now, locale } = inputs;
  return [
    form,
    locale,
    rules,
    fees,
    mode,
    system,
    available[rules.base],
    available[rules.quote],
    usesBook ? inputs.book : null,
    usesLast ? inputs.last : null,
    draft.timeInForce === 'GTD' && now !== undefined ? Math.floor(now / 1000) : null,
  ];
}

const sameKeys = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * A memoised check: call it on every render with the inputs (null while the pair's rules are not there) and
 * whether the ticket is visible. It returns the previous result without running while hidden, or while no
 * key changed.
 */
export function createCheckMemo(check: typeof checkTicket = checkTicket) {
  let keys: readonly unknown[] | null = null;
  let result: TicketCheck | null = null;
  return (inputs: CheckInputs | null, visible: boolean): TicketCheck | null => {
    if (!visible) return result;
    if (!inputs) {
      keys = null;
      result = null;
      return null;
    }
    const next = checkKeys(inputs);
    if (keys && sameKeys(keys, next)) return result;
    keys = next;
    // Numbers are read in the page's language first (typed.ts): the check sees plain decimals only.
    const read = readDraft(draftOf(inputs.form), inputs.locale ?? 'en');
    result = withReadProblems(check(read.draft, contextOf(inputs)), read.problems);
    return result;
  };
}
