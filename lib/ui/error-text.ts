// One way to turn anything the background throws into words for the person, and one way to tell how an
// order send ended. Errors arrive as their own classes (lib/messaging/errors.ts), so this can be exact.
import { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from '../kraken/orders/errors.ts';
import { KrakenError } from '../kraken/rest/errors.ts';
import { BackgroundUnreachable } from '../messaging/errors.ts';
import { OrderRefused, TradingUnavailable } from '../trading/errors.ts';

/** The sentence to show for an error: Kraken's refusals as our hint plus Kraken's own words. */
export function errorText(error: unknown): string {
  if (error instanceof KrakenError) {
    const words = error.kraken.length > 0 ? error.kraken.join(', ') : error.detail;
    return words ? `${error.hint} (Kraken: ${words})` : error.hint;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * How a send (or a check) ended, as the ticket shows it. Only `placed` carries an order, and only with
 * Kraken's id; `unknown` means "checking with Kraken, do not place it again"; `unreachable`: the background
 * did not answer, so the same confirmation is asked again (it looks before it sends).
 */
export type SendEnding =
  | { kind: 'refused'; message: string }
  /** The order belongs to another key or exchange now: not checkable here, still not confirmed. */
  | { kind: 'elsewhere'; message: string }
  | { kind: 'unknown'; message: string }
  | { kind: 'not-placed'; message: string }
  | { kind: 'unreachable'; message: string };

export function sendEnding(error: unknown, mode: 'paper' | 'live'): SendEnding {
  const message = errorText(error);
  if (error instanceof BackgroundUnreachable) return { kind: 'unreachable', message };
  if (error instanceof OrderOutcomeUnknown) return { kind: 'unknown', message };
  if (error instanceof KrakenError)
    return error.outcomeUnknown ? { kind: 'unknown', message } : { kind: 'refused', message };
  if (error instanceof OrderRefused) return { kind: 'refused', message };
  if (error instanceof ForeignIntent) return { kind: 'elsewhere', message };
  if (error instanceof OrderExpired || error instanceof TradingUnavailable)
    return { kind: 'not-placed', message };
  // Paper orders never leave the extension: any other failure means not placed. A live order's failure of
  // a class we do not know came from the background: we cannot say it was not placed.
  return mode === 'paper' ? { kind: 'not-placed', message } : { kind: 'unknown', message };
}
