// Why an alert rule was refused, as a code with its values (issue 20): no sentence here, so the page that shows
// it says it in its own language (lib/ui/alert-rule-text.ts). It crosses the messaging boundary as its class
// with its problem (lib/messaging/errors.ts), like the vault's and Kraken's errors do.

/** The window a % move is judged over (rules.ts checks it; the problem names it). */
export const MIN_WINDOW_MS = 60_000;
export const MAX_WINDOW_MS = 7 * 86_400_000;
/** The largest % move an alert watches for. */
export const MAX_PERCENT = 100;

export type AlertRuleProblem =
  /** The value is not an object at all (an import's item). */
  | { code: 'not-object' }
  | { code: 'no-id' }
  /** The pair is not written like BTC/USD. */
  | { code: 'symbol' }
  | { code: 'source' }
  | { code: 'repeat' }
  | { code: 'expiry' }
  | { code: 'direction' }
  | { code: 'level' }
  | { code: 'rearm-band' }
  | { code: 'percent'; max: number }
  | { code: 'window'; minMinutes: number; maxDays: number }
  | { code: 'kind' }
  /** The alert to change was removed meanwhile (another page, the notification's button). */
  | { code: 'missing' }
  /** An import's file is not an alerts export. */
  | { code: 'not-export' }
  /** A valid imported alert could not be stored; `words`: the browser's (IndexedDB's) own. */
  | { code: 'not-saved'; words: string };

export type AlertRuleCode = AlertRuleProblem['code'];

/** The field each problem is about (what an import's report and the tests key on). */
const FIELD: Readonly<Record<AlertRuleCode, string>> = {
  'not-object': 'rule',
  'no-id': 'id',
  symbol: 'symbol',
  source: 'source',
  repeat: 'repeat',
  expiry: 'expiresAt',
  direction: 'direction',
  level: 'level',
  'rearm-band': 'rearmBand',
  percent: 'percent',
  window: 'windowMs',
  kind: 'kind',
  missing: 'id',
  'not-export': 'file',
  'not-saved': 'rule',
};

export const fieldOf = (problem: AlertRuleProblem): string => FIELD[problem.code];

/** A rule refused by its checks. `message` is the code alone: the words are the page's (by `problem`). */
export class AlertRuleError extends Error {
  override readonly name = 'AlertRuleError';
  readonly field: string;
  constructor(readonly problem: AlertRuleProblem) {
    super(problem.code);
    this.field = fieldOf(problem);
  }

  /** What crosses the messaging boundary: the problem's code and values. */
  toJSON(): { code: AlertRuleCode; problem: AlertRuleProblem } {
    return { code: this.problem.code, problem: this.problem };
  }

  /** Rebuilt from what crossed; a payload that is not a known problem comes back as null. */
  static fromJSON(data: Record<string, unknown>): AlertRuleError | null {
    const problem = parseAlertRuleProblem(data.problem);
    return problem ? new AlertRuleError(problem) : null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A problem read back from data (a message, a stored report); null when it is not one. */
export function parseAlertRuleProblem(v: unknown): AlertRuleProblem | null {
  if (!isRecord(v) || typeof v.code !== 'string' || !Object.hasOwn(FIELD, v.code)) return null;
  const code = v.code as AlertRuleCode;
  switch (code) {
    case 'percent':
      return num(v.max) ? { code, max: v.max } : null;
    case 'window':
      return num(v.minMinutes) && num(v.maxDays)
        ? { code, minMinutes: v.minMinutes, maxDays: v.maxDays }
        : null;
    case 'not-saved':
      return typeof v.words === 'string' ? { code, words: v.words } : null;
    case 'not-object':
    case 'no-id':
    case 'symbol':
    case 'source':
    case 'repeat':
    case 'expiry':
    case 'direction':
    case 'level':
    case 'rearm-band':
    case 'kind':
    case 'missing':
    case 'not-export':
      return { code };
    default: {
      const never: never = code;
      return never;
    }
  }
}
