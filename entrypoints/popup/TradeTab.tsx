// The popup's Trade tab, in a chunk of its own: the popup loads it when the tab is first opened, so the order
// ticket's code is not part of what the popup runs at open (the popup-js budget, docs/design.md §7).
import { useEffect, useState } from 'preact/hooks';
import type { OrderRequest } from '../../lib/orders/types.ts';
import { OrderTicket } from '../../lib/ticket/OrderTicket.tsx';
import type { TradingView } from '../../lib/trading/types.ts';
import type { MarketView } from '../../lib/ui/market-model.ts';
import type { TradingActions } from '../../lib/ui/trading/actions.ts';
import { Balances } from '../../lib/ui/trading/Balances.tsx';
import { Fees } from '../../lib/ui/trading/Fees.tsx';
import { Fills } from '../../lib/ui/trading/Fills.tsx';
import { IntentsPanel } from '../../lib/ui/trading/IntentsPanel.tsx';
import { RateMeter, SystemStatus } from '../../lib/ui/trading/MarketStatus.tsx';
import { OpenOrders } from '../../lib/ui/trading/OpenOrders.tsx';

export function TradeTab({
  view,
  trading,
  actions,
  visible,
  now,
  fill,
  prefill: launched,
}: {
  view: MarketView;
  trading: TradingView;
  actions: TradingActions;
  visible: boolean;
  now: number;
  /** A limit price picked on a chart (OrderTicket's `fill`). */
  fill?: { key: number; symbol: string; limitPrice: string };
  /** An order filled in by a shortcut or the address bar (never sent without the ticket's confirmation). */
  prefill?: { key: number; order: OrderRequest };
}) {
  const [prefill, setPrefill] = useState<{ key: number; order: OrderRequest } | undefined>(launched);
  // A later launch replaces what the ticket holds, as a reopened intent does.
  useEffect(() => {
    if (launched)
      setPrefill((p) => ({ key: Math.max(p?.key ?? 0, launched.key) + 1, order: launched.order }));
  }, [launched]);
  return (
    <>
      <IntentsPanel
        intents={trading.intents}
        actions={actions}
        onReopen={(order) => setPrefill((p) => ({ key: (p?.key ?? 0) + 1, order }))}
      />
      <SystemStatus system={trading.system} />
      <OrderTicket
        snapshot={view.snapshot}
        books={view.books}
        trading={trading}
        actions={actions}
        epoch={view.epoch}
        visible={visible}
        {...(prefill ? { prefill } : {})}
        {...(fill ? { fill } : {})}
      />
      <RateMeter rates={trading.rates} />
      <OpenOrders orders={trading.orders} actions={actions} now={now} mode={trading.mode} />
      <Fees trading={trading} actions={actions} />
      <Balances balances={trading.balances} />
      <Fills fills={trading.fills} now={now} />
    </>
  );
}
