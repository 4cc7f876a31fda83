// Alert rules (issue 7): a discriminated union, validated at every boundary (UI, import, storage). A refusal is
// a code with its values (rule-error.ts), said by the page in its language.
import {
  AlertRuleError,
  type AlertRuleProblem,
  MAX_PERCENT,
  MAX_WINDOW_MS,
  MIN_WINDOW_MS,
} from './rule-error.ts';

export type PriceSource = 'last' | 'mid';

export type Repeat = { kind: 'once' } | { kind: 'repeat'; cooldownMs: number };

interface RuleBase {
  id: string;
  symbol: string;
  source: PriceSource;
  repeat: Repeat;
  /** ms since epoch; null = never expires. */
  expiresAt: number | null;
  paused: boolean;
  /** Snoozed from a notification: silent until this time (ms), then active again. */
  snoozedUntil: number | null;
  createdAt: number;
}

/** Fires when the price crosses the level, judged against the previous observed price (not a level test). */
export interface CrossRule extends RuleBase {
  kind: 'cross';
  direction: 'above' | 'below';
  /** Decimal string, e.g. "90000.0". */
  level: string;
  /**
   * Hysteresis: after firing, the rule re-arms only once the price has gone back past the level by this
   * much (decimal string, "0" = any return re-arms), so a price hovering at the line fires once.
   */
  rearmBand: string;
}

/** Fires when the price moves by `percent` (either direction) within `windowMs`. */
export interface MoveRule extends RuleBase {
  kind: 'move';
  percent: number;
  windowMs: number;
}

export type AlertRule = CrossRule | MoveRule;

export { AlertRuleError, type AlertRuleProblem } from './rule-error.ts';

const DECIMAL = /^\d{1,15}(\.\d{1,12})?$/;
const SYMBOL = /^[A-Z0-9.]{1,16}\/[A-Z0-9.]{1,16}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks an untrusted value (an import, a message, a stored record) and returns a clean rule. */
export function parseRule(value: unknown): AlertRule {
  if (!isRecord(value)) throw new AlertRuleError({ code: 'not-object' });
  const v = value;
  const need = (ok: boolean, problem: AlertRuleProblem) => {
    if (!ok) throw new AlertRuleError(problem);
  };
  need(typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 64, { code: 'no-id' });
  need(typeof v.symbol === 'string' && SYMBOL.test(v.symbol), { code: 'symbol' });
  need(v.source === 'last' || v.source === 'mid', { code: 'source' });
  const r = v.repeat;
  const repeat: Repeat | null = !isRecord(r)
    ? null
    : r.kind === 'once'
      ? { kind: 'once' }
      : r.kind === 'repeat' && Number.isInteger(r.cooldownMs) && (r.cooldownMs as number) >= 0
        ? { kind: 'repeat', cooldownMs: r.cooldownMs as number }
        : null;
  need(repeat !== null, { code: 'repeat' });
  need(v.expiresAt === null || (Number.isInteger(v.expiresAt) && (v.expiresAt as number) > 0), {
    code: 'expiry',
  });
  const base = {
    id: v.id as string,
    symbol: v.symbol as string,
    source: v.source as PriceSource,
    repeat: repeat as Repeat,
    expiresAt: (v.expiresAt as number | null) ?? null,
    paused: v.paused === true,
    snoozedUntil: Number.isInteger(v.snoozedUntil) ? (v.snoozedUntil as number) : null,
    createdAt: Number.isInteger(v.createdAt) ? (v.createdAt as number) : 0,
  };
  switch (v.kind) {
    case 'cross': {
      need(v.direction === 'above' || v.direction === 'below', { code: 'direction' });
      need(typeof v.level === 'string' && DECIMAL.test(v.level) && Number(v.level) > 0, { code: 'level' });
      const band = v.rearmBand ?? '0';
      need(typeof band === 'string' && DECIMAL.test(band), { code: 'rearm-band' });
      return {
        ...base,
        kind: 'cross',
        direction: v.direction as 'above' | 'below',
        level: v.level as string,
        rearmBand: band as string,
      };
    }
    case 'move': {
      need(typeof v.percent === 'number' && v.percent > 0 && v.percent <= MAX_PERCENT, {
        code: 'percent',
        max: MAX_PERCENT,
      });
      need(
        Number.isInteger(v.windowMs) &&
          (v.windowMs as number) >= MIN_WINDOW_MS &&
          (v.windowMs as number) <= MAX_WINDOW_MS,
        { code: 'window', minMinutes: MIN_WINDOW_MS / 60_000, maxDays: MAX_WINDOW_MS / 86_400_000 },
      );
      return { ...base, kind: 'move', percent: v.percent as number, windowMs: v.windowMs as number };
    }
    default:
      throw new AlertRuleError({ code: 'kind' });
  }
}

/**
 * A rule in signs, no language: "BTC/USD > 90000", "ETH/USD ±5 % / 15 min". What a log entry keeps for when
 * its rule is gone; the pages write a rule in words in their language (lib/ui/alert-text.ts), notifications
 * too (entrypoints/background/notify-text.ts).
 */
export function describeRule(rule: AlertRule): string {
  switch (rule.kind) {
    case 'cross':
      return `${rule.symbol} ${rule.direction === 'above' ? '>' : '<'} ${rule.level}`;
    case 'move':
      return `${rule.symbol} ±${rule.percent} % / ${Math.round(rule.windowMs / 60_000)} min`;
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(never)}`);
    }
  }
}
