// One execution booked: the wallet moves by the rounded cost and fee the fill records, the order's totals
// grow, and the two ledger entries are written — so balances reconcile with the trade history to the unit.
import type { LedgerEntry, Wallet } from '../account/wallet.ts';
import type { PairMarket } from '../market/pair-market.ts';
import { krakenId } from './ids.ts';
import { baseAsset, baseUnits, feeOf, quoteAsset, quoteCost } from './money.ts';
import type { Fill, Order } from './order.ts';

export interface Execution {
  readonly tick: number;
  readonly qty: bigint;
  /** Resting (maker fee) or taking (taker fee). */
  readonly maker: boolean;
  /** The fee rate that applies, in basis points. */
  readonly bps: bigint;
  readonly timeNs: bigint;
}

export function bookExecution(
  wallet: Wallet,
  order: Order,
  pair: PairMarket,
  { tick, qty, maker, bps, timeNs }: Execution,
): { fill: Fill; ledger: LedgerEntry[] } {
  const spec = pair.spec;
  const base = baseAsset(spec);
  const quote = quoteAsset(spec);
  const cost = quoteCost(spec, tick, qty);
  const units = baseUnits(spec, qty);
  const feeInBase = order.request.feeInBase;
  const fee = feeOf(feeInBase ? units : cost, bps);
  const buy = order.request.side === 'buy';
  const txid = krakenId('T');
  const fill: Fill = { txid, tradeId: pair.nextId(), order, tick, qty, cost, fee, feeInBase, maker, timeNs };
  const baseDelta = buy ? units : -units;
  const quoteDelta = buy ? -cost : cost;
  const baseFee = feeInBase ? fee : 0n;
  const quoteFee = feeInBase ? 0n : fee;
  const baseBalance = wallet.apply(base, baseDelta - baseFee);
  const quoteBalance = wallet.apply(quote, quoteDelta - quoteFee);
  order.filled += qty;
  order.cost += cost;
  order.fee += fee;
  order.trades.push(txid);
  const ledger = (
    [
      [base, baseDelta, baseFee, baseBalance],
      [quote, quoteDelta, quoteFee, quoteBalance],
    ] as const
  ).map(
    ([asset, amount, entryFee, balance]): LedgerEntry => ({
      id: krakenId('L'),
      refId: txid,
      timeNs,
      type: 'trade',
      asset,
      amount,
      fee: entryFee,
      balance,
    }),
  );
  return { fill, ledger };
}
