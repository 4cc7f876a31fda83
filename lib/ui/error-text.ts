// One way to turn anything the background throws into words for the person, and one way to tell how an
// order send ended. Errors arrive as their own classes (lib/messaging/errors.ts), so this can be exact.
import type { Translate } from '../i18n/translate.ts';
import { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from '../kraken/orders/errors.ts';
import { KrakenError } from '../kraken/rest/errors.ts';
import { BackgroundUnreachable } from '../messaging/errors.ts';
import { OrderRefused, TradingUnavailable } from '../trading/errors.ts';
import { MIN_PASSPHRASE, RESET_WORD, VaultError } from '../vault/errors.ts';

/**
 * The sentence to show for an error: Kraken's refusals as our hint plus Kraken's own words. With the page's
 * `t`, the errors whose words are ours (the vault's, the background not answering) are said in the page's
 * language; Kraken's hints and words, and other classes' messages, are shown as they came.
 */
export function errorText(error: unknown, t?: Translate): string {
  if (t && error instanceof VaultError) return vaultErrorText(error, t);
  if (t && error instanceof BackgroundUnreachable) return t('error.unreachable');
  if (error instanceof KrakenError) {
    const words = error.kraken.length > 0 ? error.kraken.join(', ') : error.detail;
    return words ? `${error.hint} (Kraken: ${words})` : error.hint;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A vault failure in the page's language: what the person can do, then the detail the background gave. */
export function vaultErrorText(error: VaultError, t: Translate): string {
  const message = vaultMessage(error.code, t);
  return error.detail ? `${message} (${error.detail})` : message;
}

function vaultMessage(code: VaultError['code'], t: Translate): string {
  switch (code) {
    case 'no-vault':
      return t('vaultError.no-vault');
    case 'vault-exists':
      return t('vaultError.vault-exists');
    case 'locked':
      return t('vaultError.locked');
    case 'wrong-passphrase':
      return t('vaultError.wrong-passphrase');
    case 'kdf-downgrade':
      return t('vaultError.kdf-downgrade');
    case 'weak-passphrase':
      return t('vaultError.weak-passphrase', { min: MIN_PASSPHRASE });
    case 'invalid-key':
      return t('vaultError.invalid-key');
    case 'not-found':
      return t('vaultError.not-found');
    case 'corrupted':
      return t('vaultError.corrupted');
    case 'record-damaged':
      return t('vaultError.record-damaged');
    case 'withdraw-rights':
      return t('vaultError.withdraw-rights');
    case 'reset-unconfirmed':
      return t('vaultError.reset-unconfirmed', { word: RESET_WORD });
    default: {
      const never: never = code;
      return String(never);
    }
  }
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
