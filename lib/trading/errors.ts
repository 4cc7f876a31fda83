// Errors of the trading service, as classes with data (they cross the messaging boundary by name and code).

/** The exchange (or the paper account, speaking Kraken's language) refused an order or a cancel. */
export class OrderRefused extends Error {
  override readonly name = 'OrderRefused';
  constructor(
    /** Kraken's error string, e.g. "EOrder:Insufficient funds". */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Trading cannot happen in this state (no key, a key for another endpoint, vault locked, live feed not ready);
 * the page says what to do by `reason`.
 */
export class TradingUnavailable extends Error {
  override readonly name = 'TradingUnavailable';
  constructor(
    readonly reason: 'no-key' | 'other-endpoint' | 'locked' | 'not-ready',
    message: string,
  ) {
    super(message);
  }
}
