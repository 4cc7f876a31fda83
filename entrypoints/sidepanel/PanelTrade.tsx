import { request } from '../../lib/messaging/client.ts';
import { OrderTicket } from '../../lib/ticket/OrderTicket.tsx';
import type { TradingView } from '../../lib/trading/types.ts';
import { DepthLadder } from '../../lib/ui/DepthLadder.tsx';
import { useT } from '../../lib/ui/locale.ts';
import type { MarketView } from '../../lib/ui/market-model.ts';
import { createTradingActions } from '../../lib/ui/trading/actions.ts';
import { AnnouncedMaintenance } from '../../lib/ui/trading/MarketStatus.tsx';
import { OpenOrders } from '../../lib/ui/trading/OpenOrders.tsx';

const tradingActions = createTradingActions(request);

/** The book beside the ticket and the open orders (two columns when the panel is wide: style.css). */
export function PanelTrade({
  view,
  trading,
  symbol,
  fill,
  now,
  onPick,
}: {
  view: MarketView;
  trading: TradingView | null;
  symbol: string;
  fill: { key: number; symbol: string; limitPrice: string } | undefined;
  now: number;
  onPick(price: string): void;
}) {
  const t = useT();
  return (
    <div class="panel-grid">
      <DepthLadder
        book={view.books[symbol]}
        base={view.snapshot.pairs[symbol]?.base ?? ''}
        decimals={view.snapshot.pairs[symbol]?.pricePrecision}
        onPick={onPick}
      />
      <section class="panel-trade" aria-label={t('panel.tradeTitle')}>
        {trading ? (
          <>
            <AnnouncedMaintenance maintenance={trading.maintenance} />
            {/* Keyed by pair: the ticket follows the chart's pair (a new pair starts a new ticket). */}
            <OrderTicket
              key={symbol}
              snapshot={{ ...view.snapshot, badgePair: symbol }}
              books={view.books}
              trading={trading}
              actions={tradingActions}
              epoch={view.epoch}
              {...(fill && fill.symbol === symbol ? { fill } : {})}
            />
            <OpenOrders orders={trading.orders} actions={tradingActions} now={now} mode={trading.mode} />
          </>
        ) : (
          <p class="loading">{t('panel.loadingTrading')}</p>
        )}
      </section>
    </div>
  );
}
