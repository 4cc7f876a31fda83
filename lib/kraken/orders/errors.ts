// The order path's own endings besides Kraken's refusals (KrakenError): each says what the person can do, and
// crosses the messaging boundary as data (toJSON / fromJSON) so the popup shows the same ending.
import { EXPIRED_REASONS, type ExpiredReason } from './intents.ts';

/**
 * The order may or may not be at Kraken: the answer was lost and Kraken could not be asked yet. The ticket
 * says "checking with Kraken — do not place it again"; the background keeps asking until it knows.
 */
export class OrderOutcomeUnknown extends Error {
  override readonly name = 'OrderOutcomeUnknown';
  constructor(
    readonly clOrdId: string,
    /** What went wrong on the way (Kraken's or the network's words), for the details line. */
    readonly detail = '',
  ) {
    super('Kraken has not said whether this order was placed. Do not place it again: we keep asking.');
  }
  toJSON() {
    return { name: this.name, message: this.message, clOrdId: this.clOrdId, detail: this.detail };
  }
  static fromJSON(data: { clOrdId?: unknown; detail?: unknown }): OrderOutcomeUnknown {
    return new OrderOutcomeUnknown(String(data.clOrdId ?? ''), String(data.detail ?? ''));
  }
}

const EXPIRED_TEXT: Record<ExpiredReason, string> = {
  'too-old': 'Not placed: the confirmation is too old to send. Review the order and confirm it again.',
  absent:
    'Not placed: Kraken does not have this order and it could not be confirmed in time. Review it and place it again if you still want it.',
  'never-sent':
    'Not placed: it was never sent (the extension restarted). Review it and place it again if you still want it.',
  attempts:
    'Not placed: Kraken did not take it after several tries. Review it and place it again if you still want it.',
};

/** Definitively not placed, and it will not be sent again: a new ticket is the way forward. */
export class OrderExpired extends Error {
  override readonly name = 'OrderExpired';
  constructor(
    readonly clOrdId: string,
    readonly reason: ExpiredReason,
  ) {
    super(EXPIRED_TEXT[reason]);
  }
  toJSON() {
    return { name: this.name, message: this.message, clOrdId: this.clOrdId, reason: this.reason };
  }
  static fromJSON(data: { clOrdId?: unknown; reason?: unknown }): OrderExpired {
    const reason = EXPIRED_REASONS.find((r) => r === data.reason) ?? 'absent';
    return new OrderExpired(String(data.clOrdId ?? ''), reason);
  }
}

/** The intent belongs to another account (key, key version or endpoint): it is never sent or looked up here. */
export class ForeignIntent extends Error {
  override readonly name = 'ForeignIntent';
  constructor(readonly clOrdId: string) {
    super(
      'This order was confirmed for another key or exchange, so it is not sent here. Open a new ticket to place it on this account.',
    );
  }
  toJSON() {
    return { name: this.name, message: this.message, clOrdId: this.clOrdId };
  }
  static fromJSON(data: { clOrdId?: unknown }): ForeignIntent {
    return new ForeignIntent(String(data.clOrdId ?? ''));
  }
}
