// Stored live-order intents → the Trade tab's "needs your attention" list: this account's orders still being
// confirmed with Kraken or not placed, and other accounts' unsettled ones (listed, never sent here).
import { type IntentAccount, type OrderIntent, sameAccount } from '../kraken/index.ts';
import { OrderExpired } from '../kraken/orders/errors.ts';
import { orderFromMeta } from './order-meta.ts';
import type { IntentView } from './types.ts';

/** Not placed, shown this long after it ended (then only in the store, until pruned). */
const SHOW_EXPIRED_MS = 24 * 60 * 60_000;

function host(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function intentViews(
  intents: Iterable<OrderIntent>,
  current: IntentAccount | null,
  now: number,
): IntentView[] {
  const out: IntentView[] = [];
  for (const intent of intents) {
    if (intent.dismissed || intent.state === 'placed' || intent.state === 'rejected') continue;
    const mine = sameAccount(intent.account, current);
    if (intent.state === 'expired' && (!mine || now - intent.updatedAt > SHOW_EXPIRED_MS)) continue;
    const order = orderFromMeta(intent.meta);
    const base = { clOrdId: intent.clOrdId, order, confirmedAt: intent.confirmedAt };
    if (!mine) {
      out.push({
        ...base,
        state: 'unknown',
        account: 'other',
        ...(intent.account ? { where: host(intent.account.endpoint) } : {}),
        message: intent.account
          ? `Confirmed for another key or exchange (${host(intent.account.endpoint)}); it was not confirmed there. It is never sent here: check it on that account.`
          : 'Confirmed with an earlier version of the extension, for an account it did not record. It is never sent: check it on Kraken.',
      });
      continue;
    }
    switch (intent.state) {
      case 'pending':
        out.push({ ...base, state: 'sending', account: 'current', message: 'Being sent to Kraken.' });
        break;
      case 'unknown':
        out.push({
          ...base,
          state: 'unknown',
          account: 'current',
          message: 'Checking with Kraken whether it was placed. Do not place it again.',
        });
        break;
      case 'expired':
        out.push({
          ...base,
          state: 'expired',
          account: 'current',
          message: new OrderExpired(intent.clOrdId, intent.expiredReason ?? 'absent').message,
        });
        break;
      default: {
        const never: never = intent.state;
        throw new Error(`unlisted intent state ${String(never)}`);
      }
    }
  }
  return out.sort((a, b) => b.confirmedAt - a.confirmedAt);
}
