// Numbers as the person types them, read in the page's language before anything is checked or sent: "0,5" is
// half a coin in French and refused in English; "1,000" is refused in both (a thousand, or one?) with a message
// that says what to type (lib/i18n/number-input.ts). The form keeps the text as typed (Esc or a re-render never
// rewrites it); the check, the share buttons and the order only ever see plain decimal text ("0.5").

import type { Locale } from '../i18n/locales.ts';
import { localeDecimal, numberProblemText, parseLocaleDecimal } from '../i18n/number-input.ts';
import { translator } from '../i18n/translate.ts';
import type { OrderRequest } from '../orders/types.ts';
import { priceFieldsOf } from './price.ts';
import type { TicketCheck, TicketDraft, TicketField, TicketProblem } from './types.ts';

/** The typed number fields of the form. */
export type NumberField =
  | 'amount'
  | 'limitPrice'
  | 'triggerPrice'
  | 'trailOffset'
  | 'limitOffset'
  | 'closePrice';

/** The number fields this draft reads: the amount, its type's prices, the attached close's trigger. */
function fieldsRead(draft: TicketDraft): NumberField[] {
  const prices = priceFieldsOf(draft) as NumberField[];
  return ['amount', ...prices, ...(draft.closeType !== 'none' ? (['closePrice'] as const) : [])];
}

export interface ReadDraft {
  /** The draft with every number it reads as plain decimal text (a field that does not parse: as typed). */
  draft: TicketDraft;
  /** One error per field that does not parse in this language, with what to type instead. */
  problems: TicketProblem[];
}

/**
 * Reads the number fields of `draft` in `locale`. An empty field stays empty (the check says it is required);
 * one that does not parse keeps its text and gets this module's message, which replaces whatever the check
 * would say about that field (the check knows only plain decimals: its "not a number" would be wrong here).
 */
export function readDraft(draft: TicketDraft, locale: Locale): ReadDraft {
  const t = translator(locale);
  const problems: TicketProblem[] = [];
  let read: TicketDraft = draft;
  for (const field of fieldsRead(draft)) {
    const text = draft[field];
    if (text.trim() === '') continue;
    const parsed = parseLocaleDecimal(text, locale);
    if (parsed.ok) {
      if (parsed.value !== text) read = { ...read, [field]: parsed.value };
    } else {
      problems.push({
        field: field as TicketField,
        code: 'not-a-number',
        message: numberProblemText(parsed.problem, text, t),
        level: 'error',
      });
    }
  }
  return { draft: read, problems };
}

/** The check of a read draft with the reading's own problems in place of the check's for those fields. */
export function withReadProblems(check: TicketCheck, read: readonly TicketProblem[]): TicketCheck {
  if (read.length === 0) return check;
  const fields = new Set(read.map((p) => p.field));
  const problems = [...read, ...check.problems.filter((p) => !fields.has(p.field))];
  // A field that does not parse is never an order, whatever the rest says.
  return check.preview ? { ok: false, problems, preview: check.preview } : { ok: false, problems };
}

/** Plain decimal text ("0.5") as the field shows it in this language ("0,5"): for values the ticket fills in. */
export const shown = (value: string, locale: Locale): string => localeDecimal(value, locale);

/** The number fields of an order written the way the page's language types them. */
export function shownPrices(
  o: Pick<OrderRequest, 'limitPrice' | 'triggerPrice'>,
  locale: Locale,
): { limitPrice: string; triggerPrice: string } {
  return {
    limitPrice: o.limitPrice === undefined ? '' : shown(o.limitPrice, locale),
    triggerPrice: o.triggerPrice === undefined ? '' : shown(o.triggerPrice, locale),
  };
}
