// The ticket's hooks: the state machine of state.ts with its side effects, and the pair's trading details
// (rules and book) asked of the background whenever the ticket's pair changes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../i18n/translate.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { BookTop } from '../orders/types.ts';
import { type SendEnding, sendEnding } from '../ui/error-text.ts';
import { messageOf, type TradingActions } from '../ui/trading/actions.ts';
import { effectOf } from './effect.ts';
import { initialTicket, type TicketEffect, type TicketEvent, type TicketState, ticketStep } from './state.ts';

/** Asking again after the background did not answer (it restarts by itself): the same confirmation. */
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];
/** How long Confirm's "Sending…" waits to be painted (well under what a person perceives as a delay). */
export const SENDING_PAINT_MS = 50;

/**
 * The state lives in a ref as well as in a render: two clicks in one frame both see the first click's
 * `sending` state, so the second is a no-op (ticketStep) and no second request leaves.
 */
export function useTicketMachine(
  symbol: string,
  actions: Pick<TradingActions, 'preview' | 'place' | 'check'>,
  /** The page's t(): how a refusal or an unknown outcome is said (English without it). */
  t?: Translate,
): [TicketState, (event: TicketEvent) => void] {
  const state = useRef<TicketState | null>(null);
  if (state.current === null) state.current = initialTicket(symbol);
  const [, rerender] = useState(0);
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const tRef = useRef(t);
  tRef.current = t;
  const dispatch = useMemo(() => {
    const run = (effect: TicketEffect) => {
      const { clOrdId } = effect;
      switch (effect.kind) {
        case 'validate':
          actionsRef.current.preview(effect.order).then(
            ({ description }) => step({ type: 'validated', clOrdId, outcome: { ok: true, description } }),
            (e: unknown) =>
              step({
                type: 'validated',
                clOrdId,
                outcome: { ok: false, message: messageOf(e, tRef.current) },
              }),
          );
          return;
        case 'place': {
          const mode = (state.current as TicketState).phase;
          const live = mode.kind === 'sending' && mode.confirmation.mode === 'live' ? 'live' : 'paper';
          const send = (attempt: number): void => {
            actionsRef.current.place(effect.order, clOrdId).then(
              ({ order }) => step({ type: 'placed', clOrdId, order }),
              (e: unknown) => {
                const ending = sendEnding(e, live, tRef.current);
                const wait = RETRY_MS[attempt];
                // The background restarted with the order on its way: ask again with the same cl_ord_id (it
                // looks the order up before it sends anything).
                if (ending.kind === 'unreachable' && wait !== undefined)
                  setTimeout(() => send(attempt + 1), wait);
                else finish(clOrdId, ending);
              },
            );
          };
          send(0);
          return;
        }
        case 'check':
          actionsRef.current.check(clOrdId).then(
            ({ order }) => step({ type: 'placed', clOrdId, order }),
            (e: unknown) => finish(clOrdId, sendEnding(e, 'live', tRef.current)),
          );
          return;
        default: {
          const never: never = effect;
          throw new RangeError(`unknown effect ${JSON.stringify(never)}`);
        }
      }
    };
    const finish = (clOrdId: string, ending: SendEnding) => {
      if (ending.kind === 'elsewhere') step({ type: 'released', clOrdId, message: ending.message });
      else step({ type: 'ended', clOrdId, ending: asEnding(ending.kind), message: ending.message });
    };
    let paintLater: ReturnType<typeof setTimeout> | null = null;
    const step = (event: TicketEvent) => {
      const prev = state.current as TicketState;
      const next = ticketStep(prev, event);
      if (next === prev) return;
      state.current = next;
      if (paintLater) clearTimeout(paintLater);
      paintLater = null;
      // Confirm's "Sending…" is painted a moment later, not in the click's own turn: rendering and painting it
      // kept the page busy while the order's answer came back (3-10 ms of the click-to-"Placed" time over the
      // WebSocket, docs/design.md §10); a fast answer now replaces it before it shows. The state itself has
      // changed at once (the ref), so a second click is already a no-op.
      if (next.phase.kind === 'sending' && prev.phase.kind !== 'sending')
        paintLater = setTimeout(() => {
          paintLater = null;
          rerender((n) => n + 1);
        }, SENDING_PAINT_MS);
      else rerender((n) => n + 1);
      const effect = effectOf(prev, next);
      if (effect) run(effect);
    };
    return step;
  }, []);
  return [state.current, dispatch];
}

/** An unanswered request is an unknown outcome for the ticket (it keeps checking). */
const asEnding = (kind: Exclude<SendEnding['kind'], 'elsewhere'>) =>
  kind === 'unreachable' ? 'unknown' : kind;

export type PairDetails =
  | { kind: 'loading'; symbol: string }
  | { kind: 'ready'; symbol: string; rules: PairRules; book: BookTop | null }
  /** The background has no trading rules for the pair. */
  | { kind: 'unknown'; symbol: string }
  | { kind: 'error'; symbol: string; message: string };

/** `trading.watch` for the ticket's pair: its rules, and its book (then streamed as `book` events). */
export function usePairDetails(
  symbol: string,
  watch: TradingActions['watch'],
  /** Changes when the stream reconnects (a restarted worker forgot the watch): watch again. */
  epoch = 0,
  /** Whether the market lists the pair now: after an endpoint change the rules arrive later, so ask again. */
  listed = true,
  /** The page's t(): how a failure to load the pair's details is said (English without it). */
  t?: Translate,
): [PairDetails, () => void] {
  const tRef = useRef(t);
  tRef.current = t;
  const [details, setDetails] = useState<PairDetails>({ kind: 'loading', symbol });
  const [attempt, setAttempt] = useState(0);
  const watchRef = useRef(watch);
  watchRef.current = watch;
  // `attempt` (a retry) and `epoch` (a new stream connection) watch the same pair again.
  useEffect(() => {
    if (!symbol) return;
    let current = true;
    setDetails({ kind: 'loading', symbol });
    watchRef.current(symbol).then(
      ({ rules, book }) => {
        if (!current) return;
        setDetails(rules ? { kind: 'ready', symbol, rules, book } : { kind: 'unknown', symbol });
      },
      (e: unknown) => {
        if (current) setDetails({ kind: 'error', symbol, message: messageOf(e, tRef.current) });
      },
    );
    return () => {
      current = false;
    };
  }, [symbol, attempt, epoch, listed]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [details, retry];
}
