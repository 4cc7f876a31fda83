import { INSTRUMENT_ASSETS, INSTRUMENT_PAIRS } from '../../data/instruments.ts';
import { raw, toJson } from '../../json-raw.ts';

/**
 * The `instrument` snapshot (https://docs.kraken.com/api/docs/websocket-v2/instrument): the simulated
 * assets and pairs with the field order and number text of the real 2024 snapshot (`1E-8`, `0.50`,
 * `0.00010000`). The simulator never changes instruments, so no updates follow.
 */
export function instrumentSnapshot(): string {
  return toJson({
    channel: 'instrument',
    type: 'snapshot',
    data: {
      assets: INSTRUMENT_ASSETS.map((asset) => ({
        ...asset,
        collateral_value: raw(asset.collateral_value),
        margin_rate: raw(asset.margin_rate),
      })),
      pairs: INSTRUMENT_PAIRS.map((pair) => ({
        ...pair,
        qty_increment: raw(pair.qty_increment),
        cost_min: raw(pair.cost_min),
        margin_initial: raw(pair.margin_initial),
        tick_size: raw(pair.tick_size),
        price_increment: raw(pair.price_increment),
        qty_min: raw(pair.qty_min),
      })),
    },
  });
}

/**
 * An `instrument` update for one pair whose status changed (`POST /_sim/status`): Kraken's channel sends
 * `type: "update"` with the same `{assets, pairs}` shape; only the changed pair is listed (ours).
 */
export function instrumentStatusUpdate(symbol: string, status: string): string | undefined {
  const pair = INSTRUMENT_PAIRS.find((p) => p.symbol === symbol);
  if (!pair) return undefined;
  return toJson({
    channel: 'instrument',
    type: 'update',
    data: {
      assets: [],
      pairs: [
        {
          ...pair,
          status,
          qty_increment: raw(pair.qty_increment),
          cost_min: raw(pair.cost_min),
          margin_initial: raw(pair.margin_initial),
          tick_size: raw(pair.tick_size),
          price_increment: raw(pair.price_increment),
          qty_min: raw(pair.qty_min),
        },
      ],
    },
  });
}
