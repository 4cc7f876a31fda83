// Alert rules (issue 7): a discriminated union, validated at every boundary (UI, import, storage).

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

export class AlertRuleError extends Error {
  override readonly name = 'AlertRuleError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DECIMAL = /^\d{1,15}(\.\d{1,12})?$/;
const SYMBOL = /^[A-Z0-9.]{1,16}\/[A-Z0-9.]{1,16}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks an untrusted value (an import, a message, a stored record) and returns a clean rule. */
export function parseRule(value: unknown): AlertRule {
  if (!isRecord(value)) throw new AlertRuleError('rule', 'An alert must be an object.');
  const v = value;
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) throw new AlertRuleError(field, message);
  };
  need(typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 64, 'id', 'The alert has no id.');
  need(typeof v.symbol === 'string' && SYMBOL.test(v.symbol), 'symbol', 'The pair must look like BTC/USD.');
  need(v.source === 'last' || v.source === 'mid', 'source', 'The price must be "last" or "mid".');
  const r = v.repeat;
  const repeat: Repeat | null = !isRecord(r)
    ? null
    : r.kind === 'once'
      ? { kind: 'once' }
      : r.kind === 'repeat' && Number.isInteger(r.cooldownMs) && (r.cooldownMs as number) >= 0
        ? { kind: 'repeat', cooldownMs: r.cooldownMs as number }
        : null;
  need(repeat !== null, 'repeat', 'Repeat must be once, or repeat with a cooldown in ms.');
  need(
    v.expiresAt === null || (Number.isInteger(v.expiresAt) && (v.expiresAt as number) > 0),
    'expiresAt',
    'Expiry must be a time or null.',
  );
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
      need(
        v.direction === 'above' || v.direction === 'below',
        'direction',
        'Direction must be above or below.',
      );
      need(
        typeof v.level === 'string' && DECIMAL.test(v.level) && Number(v.level) > 0,
        'level',
        'The level must be a positive price such as 90000.5.',
      );
      const band = v.rearmBand ?? '0';
      need(
        typeof band === 'string' && DECIMAL.test(band),
        'rearmBand',
        'The re-arm band must be a price distance such as 50.',
      );
      return {
        ...base,
        kind: 'cross',
        direction: v.direction as 'above' | 'below',
        level: v.level as string,
        rearmBand: band as string,
      };
    }
    case 'move': {
      need(
        typeof v.percent === 'number' && v.percent > 0 && v.percent <= 100,
        'percent',
        'The move must be between 0 and 100 %.',
      );
      need(
        Number.isInteger(v.windowMs) &&
          (v.windowMs as number) >= 60_000 &&
          (v.windowMs as number) <= 7 * 86_400_000,
        'windowMs',
        'The window must be between 1 minute and 7 days.',
      );
      return { ...base, kind: 'move', percent: v.percent as number, windowMs: v.windowMs as number };
    }
    default:
      throw new AlertRuleError('kind', 'An alert is either a level cross or a % move.');
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
