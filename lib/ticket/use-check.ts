// The ticket's check as a hook (check-memo.ts: only when an input it reads changed, never while hidden), and
// the messages under the fields kept as the same object while their content is the same, so the form itself
// does not render again when a tick reran the check without changing what it says.
import { useMemo, useRef } from 'preact/hooks';
import { type CheckInputs, createCheckMemo } from './check-memo.ts';
import { fieldMessages } from './form.ts';
import type { TicketState } from './state.ts';
import type { TicketCheck, TicketField, TicketProblem } from './types.ts';

export function useTicketCheck(inputs: CheckInputs | null, visible: boolean): TicketCheck | null {
  const memo = useRef<ReturnType<typeof createCheckMemo> | null>(null);
  memo.current ??= createCheckMemo();
  return memo.current(inputs, visible);
}

export type FieldMessages = Partial<Record<TicketField, TicketProblem>>;

const NONE: FieldMessages = {};

function sameMessages(a: FieldMessages, b: FieldMessages): boolean {
  const keys = Object.keys(a) as TicketField[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    return x === y || (!!x && !!y && x.code === y.code && x.level === y.level && x.message === y.message);
  });
}

/** fieldMessages of the check, the previous object while nothing shown changed. */
export function useFieldMessages(state: TicketState, check: TicketCheck | null): FieldMessages {
  const { touched, attempted } = state;
  const next = useMemo(
    () => (check ? fieldMessages({ touched, attempted }, check.problems) : NONE),
    [check, touched, attempted],
  );
  const kept = useRef(next);
  if (kept.current !== next && !sameMessages(kept.current, next)) kept.current = next;
  return kept.current;
}
