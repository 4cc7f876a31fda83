// Real pairs and books for the ticket's model tests: Kraken's official BTC/USD AssetPairs example with the book of
// its checksum guide, and ETH/USD from a real v2 instrument snapshot with a real 2025-05-06 book capture.
import { parse } from 'yaml';
import { type AssetPair, type BookData, createOrderBook, parseIncoming } from '../../../lib/kraken/index.ts';
import { format } from '../../../lib/kraken/pairs/exact.ts';
import { type PairRules, pairRulesFrom, pairRulesFromInstrument } from '../../../lib/kraken/pairs/rules.ts';
import type { InstrumentPair } from '../../../lib/kraken/ws/protocol.ts';
import type { BookTop, Level } from '../../../lib/orders/types.ts';
import type { TicketContext, TicketDraft } from '../../../lib/ticket/types.ts';
import { fixtureJson, fixtureText } from '../../support/fixtures.ts';

// BTC/USD: Kraken's official AssetPairs example (pair 1, lot 8, cost 5, ordermin 0.0001, costmin 0.5, tick 0.1,
// fees 0.26 % taker / 0.16 % maker) and the levels of Kraken's worked book-checksum example.
const assetPairs = parse(
  fixtureText('official/krakenfx-api-specs_spot-rest/examples/responses/public/assets/pairs.yaml'),
) as { result: Record<string, AssetPair> };
export const BTCUSD = pairRulesFrom('XXBTZUSD', assetPairs.result.XXBTZUSD as AssetPair);
const guide = fixtureJson<{ asks: [string, string][]; bids: [string, string][] }>(
  'official/ws_v2_book_checksum_guide_BTCUSD.json',
);
export const levels = (side: [string, string][]): Level[] => side.map(([price, qty]) => ({ price, qty }));
export const BTC_BOOK: BookTop = {
  symbol: 'BTC/USD',
  asks: levels(guide.asks),
  bids: levels(guide.bids),
  at: 0,
};

// ETH/USD: rules from a real v2 instrument snapshot (pair 2, lot 8, cost 5, ordermin 0.002), and the real
// 2025-05-06 book capture, read the way the popup reads it (parseIncoming → createOrderBook, checksum verified).
const instruments = JSON.parse(
  fixtureText('real_captures/ws_v2_instrument_snapshot_2024-04_kraken-data-recorder.json'),
) as { data: { pairs: InstrumentPair[] } };
const instrument = (symbol: string): PairRules => {
  const p = instruments.data.pairs.find((x) => x.symbol === symbol);
  if (!p) throw new Error(`fixture lacks ${symbol}`);
  return pairRulesFromInstrument(p);
};
export const ETHUSD = instrument('ETH/USD');
export const ETH_BOOK: BookTop = (() => {
  const [snapshot] = fixtureText('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => parseIncoming(l))
    .flatMap((f) =>
      f.kind === 'data' && f.message.channel === 'book' && f.message.type === 'snapshot'
        ? [f.message.data[0] as BookData]
        : [],
    );
  if (!snapshot) throw new Error('fixture lacks the snapshot');
  const book = createOrderBook({ symbol: 'ETH/USD', depth: 10, pricePrecision: 2, qtyPrecision: 8 });
  const applied = book.applySnapshot(snapshot);
  if (!applied.ok) throw new Error('the ETH/USD snapshot fails its checksum');
  const top = (side: readonly Level[]) => side.map(({ price, qty }) => ({ price, qty }));
  return { symbol: 'ETH/USD', asks: top(book.asks()), bids: top(book.bids()), at: 0 };
})();

export const btcDraft = (patch: Partial<TicketDraft> = {}): TicketDraft => ({
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'limit',
  amount: '0.01',
  amountIn: 'base',
  limitPrice: '45000.0',
  triggerPrice: '',
  trailOffset: '',
  trailUnit: 'percent',
  limitOffset: '',
  limitOffsetUnit: 'quote',
  postOnly: false,
  timeInForce: 'GTC',
  expiresAt: '',
  closeType: 'none',
  closePrice: '',
  ...patch,
});
export const btcCtx = (patch: Partial<TicketContext> = {}): TicketContext => ({
  rules: BTCUSD,
  book: BTC_BOOK,
  last: '45283.5',
  available: { USD: '1000', BTC: '0.5' },
  fees: { makerPercent: '0.16', takerPercent: '0.26' },
  ...patch,
});
export const ethDraft = (patch: Partial<TicketDraft> = {}): TicketDraft =>
  btcDraft({ symbol: 'ETH/USD', type: 'market', amount: '20', limitPrice: '', ...patch });
// Kraken Pro's lowest tier: 0.25 % maker, 0.40 % taker.
export const ethCtx = (patch: Partial<TicketContext> = {}): TicketContext => ({
  rules: ETHUSD,
  book: ETH_BOOK,
  last: '1797.25',
  available: { USD: '5000', ETH: '2' },
  fees: { makerPercent: '0.25', takerPercent: '0.40' },
  ...patch,
});

export const cents = (n: number) => format({ units: BigInt(n), scale: 2 });
export const lots = (n: number) => format({ units: BigInt(n), scale: 8 });
export const format5 = (n: number) => format({ units: BigInt(n), scale: 5 });
export const percent = cents;
