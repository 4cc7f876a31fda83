/**
 * Kraken WS v2 error strings. Where a string was seen on the wire it is cited; the rest are the simulator's
 * best guess and are listed as unsourced in docs/kraken-quirks.md.
 */
export const WsError = {
  /** Recorded v2 reply to `XBT/USD` (third-party live recordings, 2025/2026). */
  unknownSymbol: (symbol: string) => `Currency pair not supported ${symbol}`,
  /** Recorded v2 reply to `depth: 27` / `depth: 42`. */
  badDepth: 'Subscription depth not supported',
  /** v1 wording (Kraken v1 docs' error list); v2 reuses v1's depth string, so likely the same here. */
  badInterval: 'Subscription ohlc interval not supported',
  /** v1 wording; v2 unrecorded. */
  alreadySubscribed: 'Already subscribed',
  /** v1 wording (recorded by xchange-stream); v2 unrecorded. */
  notSubscribed: 'Subscription Not Found',
  /** Recorded v2 reply (kraken-async-rs test fixture, 2024-05) to a subscribe it could not route. */
  unsupportedEvent: 'Unsupported event',
  /** Recorded v2 reply format: "Unsupported field: 'params' for the given msg type: ping". */
  unsupportedField: (field: string, method: string) =>
    `Unsupported field: '${field}' for the given msg type: ${method}`,
  /** Recorded v2 reply format: "Cash_order_qty field must be a number_float". */
  wrongType: (field: string, type: string) =>
    `${field.charAt(0).toUpperCase()}${field.slice(1)} field must be a ${type}`,
  /** v1 wording for unparseable requests; v2 unrecorded. */
  malformed: 'Malformed request',
  /** Kraken's generic argument error (REST and recorded v2 add_order replies); used for missing fields. */
  invalidArguments: 'EGeneral:Invalid arguments',
  /** Recorded v2 reply when a private channel or trading method is asked of the public host. */
  privateOnPublic: 'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
} as const;
