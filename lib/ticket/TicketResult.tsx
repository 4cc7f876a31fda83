// How the last confirmation ended, under the ticket: placed (with Kraken's order id when live), refused (Kraken's
// reason), not placed, or unknown (Kraken is being asked: never "placed" without an order id).
import { useLocale, useT } from '../ui/locale.ts';
import { closedAtOnce, describeOrder, wordsOf } from '../ui/trading/format.ts';
import { NO_ORDER_ID, type TicketResult } from './state.ts';

export function TicketResultLine({ result }: { result: TicketResult }) {
  const t = useT();
  const w = wordsOf(useLocale());
  const tone = result.kind === 'placed' ? 'pos' : result.kind === 'unknown' ? 'warn' : 'error';
  const text = (() => {
    switch (result.kind) {
      case 'placed': {
        const closed = closedAtOnce(result.order, w);
        const what = `${describeOrder(result.order, w)}${closed ? ` · ${closed}` : ''}`;
        return result.live
          ? t('result.placedLive', { what, id: result.orderId })
          : t('result.placed', { what });
      }
      case 'refused':
        return t('result.refused', { message: result.message });
      case 'not-placed':
        return t('result.notPlaced', { message: result.message });
      case 'unknown': {
        const message = result.message === NO_ORDER_ID ? t('result.noOrderId') : result.message;
        return result.released ? t('result.released', { message }) : t('result.unknown', { message });
      }
      default: {
        const never: never = result;
        throw new RangeError(`unknown result ${JSON.stringify(never)}`);
      }
    }
  })();
  return (
    <p
      class={`result result-${result.kind} ${tone}`}
      data-testid="ticket-result"
      data-kind={result.kind}
      role="status"
    >
      {text}
    </p>
  );
}
