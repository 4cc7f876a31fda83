// An error as data the page can say in its language (issue 20): Kraken's code and its own words, or the error's
// own words when it is not Kraken's answer. No sentence of ours here: the page writes it (lib/ui/trading/live-text.ts).
import { KrakenError } from '../kraken/index.ts';
import type { Failure } from './types.ts';

export function failureOf(error: unknown): Failure {
  if (error instanceof KrakenError) {
    // Kraken's error strings as it sent them; for a failure with none (a timeout, the network), its detail.
    const words = error.kraken.length > 0 ? error.kraken.join(', ') : (error.detail ?? '');
    return { kraken: error.code, words };
  }
  return { kraken: null, words: error instanceof Error ? error.message : String(error) };
}
