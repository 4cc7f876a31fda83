// Checks a rule state read back from IndexedDB before the engine may use it. A record is whatever an
// older build (or a damaged profile) wrote: one that is wrong in any field would otherwise throw on every
// tick of its pair (a null queue in a move rule) and take the other rules of that pair down with it.
import type { RuleState } from './engine.ts';

export class AlertStateError extends Error {
  override readonly name = 'AlertStateError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isQueue(v: unknown): v is [number, number][] {
  return (
    Array.isArray(v) &&
    v.every(
      (item) =>
        Array.isArray(item) && item.length === 2 && isFiniteNumber(item[0]) && isFiniteNumber(item[1]),
    )
  );
}

/** Returns a clean copy of a stored rule state; throws AlertStateError naming the first bad field. */
export function parseRuleState(value: unknown): RuleState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AlertStateError('state', 'the state is not an object');
  }
  const v = value as Record<string, unknown>;
  const need = (ok: boolean, field: string) => {
    if (!ok) throw new AlertStateError(field, `${field} is ${JSON.stringify(v[field]) ?? 'missing'}`);
  };
  need(v.lastPrice === null || isFiniteNumber(v.lastPrice), 'lastPrice');
  need(typeof v.armed === 'boolean', 'armed');
  need(v.lastFiredAt === null || isFiniteNumber(v.lastFiredAt), 'lastFiredAt');
  need(Number.isSafeInteger(v.fires) && (v.fires as number) >= 0, 'fires');
  need(typeof v.done === 'boolean', 'done');
  need(isQueue(v.minQ), 'minQ');
  need(isQueue(v.maxQ), 'maxQ');
  return {
    lastPrice: v.lastPrice as number | null,
    armed: v.armed as boolean,
    lastFiredAt: v.lastFiredAt as number | null,
    fires: v.fires as number,
    done: v.done as boolean,
    minQ: (v.minQ as [number, number][]).map(([t, p]) => [t, p]),
    maxQ: (v.maxQ as [number, number][]).map(([t, p]) => [t, p]),
  };
}
