// One way to turn anything the background throws into words for the person, and one way to tell how an
// order send ended. Errors arrive as their own classes with their codes (lib/messaging/errors.ts), so this can
// be exact, and say them in the page's language: our words come from the catalogs by code; Kraken's own words
// are shown beside them as they came ("… (Kraken said: EOrder:Insufficient funds)").
import type { Translate } from '../i18n/translate.ts';
import { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from '../kraken/orders/errors.ts';
import { KrakenError, type KrakenErrorCode, ruleFor } from '../kraken/rest/errors.ts';
import { BackgroundUnreachable } from '../messaging/errors.ts';
import { MAX_WATCHLIST, WatchlistError } from '../settings/watchlist.ts';
import { OrderRefused, TradingUnavailable } from '../trading/errors.ts';
import { MIN_PASSPHRASE, RESET_WORD, VaultError } from '../vault/errors.ts';

/**
 * The sentence to show for an error: Kraken's refusals as our hint plus Kraken's own words. With the page's
 * `t`, every error of a class we know is said in the page's language (by its code); without it (or for a class
 * we do not know), as it came.
 */
export function errorText(error: unknown, t?: Translate): string {
  if (t) {
    const said = translatedText(error, t);
    if (said !== null) return said;
  }
  if (error instanceof KrakenError) {
    const words = error.kraken.length > 0 ? error.kraken.join(', ') : error.detail;
    return words ? `${error.hint} (Kraken: ${words})` : error.hint;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** An error of a class we know, in the page's language; null for any other. */
function translatedText(error: unknown, t: Translate): string | null {
  if (error instanceof VaultError) return vaultErrorText(error, t);
  if (error instanceof BackgroundUnreachable) return t('error.unreachable');
  if (error instanceof KrakenError) {
    const words = error.kraken.length > 0 ? error.kraken.join(', ') : error.detail;
    const hint = krakenHint(error.code, t);
    return words ? t('error.kraken', { hint, words }) : hint;
  }
  // The paper account and the background's re-check refuse in Kraken's language: its error string is the code.
  if (error instanceof OrderRefused) {
    const hint = krakenHint(ruleFor(error.code).code, t);
    return error.code ? t('error.kraken', { hint, words: error.code }) : hint;
  }
  if (error instanceof TradingUnavailable) {
    switch (error.reason) {
      case 'no-key':
        return t('live.noKey');
      case 'other-endpoint':
        return t('live.noKeyForEndpoint');
      case 'locked':
        return t('live.locked');
      case 'not-ready':
        return t('error.notReady');
      default: {
        const never: never = error.reason;
        return String(never);
      }
    }
  }
  if (error instanceof OrderOutcomeUnknown) return t('error.outcomeUnknown');
  if (error instanceof OrderExpired) return t(`error.expired.${error.reason}`);
  if (error instanceof ForeignIntent) return t('error.foreign');
  if (error instanceof WatchlistError)
    return t(`watchlistError.${error.code}`, { subject: error.subject, max: MAX_WATCHLIST });
  return null;
}

/** Our hint for one of Kraken's error codes (lib/kraken/rest/error-rules.ts), in the page's language. */
const krakenHint = (code: KrakenErrorCode, t: Translate): string => t(`krakenError.${code}`);

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

export function sendEnding(error: unknown, mode: 'paper' | 'live', t?: Translate): SendEnding {
  const message = errorText(error, t);
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
