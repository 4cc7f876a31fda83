// The popup's Trade tab, in a chunk of its own: the popup loads it when the tab is first opened, so the order
// ticket's code is not part of what the popup runs at open (the popup-js budget, docs/design.md §7). The mode
// bar (paper / live) lives here, with the ticket it governs.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OrderRequest } from '../../lib/orders/types.ts';
import { OrderTicket } from '../../lib/ticket/OrderTicket.tsx';
import type { TradingView } from '../../lib/trading/types.ts';
import type { MarketView } from '../../lib/ui/market-model.ts';
import type { TradingActions } from '../../lib/ui/trading/actions.ts';
import { Balances } from '../../lib/ui/trading/Balances.tsx';
import { Fees } from '../../lib/ui/trading/Fees.tsx';
import { Fills } from '../../lib/ui/trading/Fills.tsx';
import { IntentsPanel } from '../../lib/ui/trading/IntentsPanel.tsx';
import { AnnouncedMaintenance, RateMeter, SystemStatus } from '../../lib/ui/trading/MarketStatus.tsx';
import { ModeBar } from '../../lib/ui/trading/ModeBar.tsx';
import { OpenOrders } from '../../lib/ui/trading/OpenOrders.tsx';

/**
 * When the account shown was last confirmed: null while it is live (paper: always; live: Kraken's private
 * feed connected), else the time of the last view that was (0: none since the popup opened).
 */
export function useConfirmedAt(trading: TradingView, now: number): number | null {
  const live = trading.mode === 'paper' || trading.live.kind === 'ready';
  const last = useRef(0);
  if (live) last.current = now;
  return live ? null : last.current;
}

export function TradeTab({
  view,
  trading,
  actions,
  visible,
  now,
  fill,
  prefill: launched,
  onOpenSettings,
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
  onOpenSettings(): void;
}) {
  const [prefill, setPrefill] = useState<{ key: number; order: OrderRequest } | undefined>(launched);
  const [reset, setReset] = useState(0);
  // A later launch replaces what the ticket holds, as a reopened intent does.
  useEffect(() => {
    if (launched)
      setPrefill((p) => ({ key: Math.max(p?.key ?? 0, launched.key) + 1, order: launched.order }));
  }, [launched]);
  const confirmedAt = useConfirmedAt(trading, now);
  const isLive = trading.mode === 'live';
  const unknown =
    isLive && trading.live.kind === 'locked'
      ? 'locked'
      : isLive && trading.live.kind === 'no-key'
        ? 'no-key'
        : null;
  return (
    <>
      <ModeBar
        trading={trading}
        actions={actions}
        now={now}
        onOpenSettings={onOpenSettings}
        onReset={() => setReset((n) => n + 1)}
      />
      <IntentsPanel
        intents={trading.intents}
        actions={actions}
        onReopen={(order) => setPrefill((p) => ({ key: (p?.key ?? 0) + 1, order }))}
      />
      <SystemStatus system={trading.system} />
      <AnnouncedMaintenance maintenance={trading.maintenance} />
      <OrderTicket
        snapshot={view.snapshot}
        books={view.books}
        trading={trading}
        actions={actions}
        epoch={view.epoch}
        visible={visible}
        reset={reset}
        {...(prefill ? { prefill } : {})}
        {...(fill ? { fill } : {})}
      />
      <RateMeter rates={trading.rates} />
      <OpenOrders
        orders={trading.orders}
        actions={actions}
        now={now}
        mode={trading.mode}
        confirmedAt={unknown ? null : confirmedAt}
      />
      <Fees trading={trading} actions={actions} />
      <Balances balances={trading.balances} unknown={unknown} confirmedAt={confirmedAt} />
      <Fills fills={trading.fills} now={now} />
    </>
  );
}
