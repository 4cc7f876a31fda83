import type { Listing } from '../data/listing.ts';
import type { PairSpec } from '../data/pairs.ts';
import { parseDecimal } from '../decimal.ts';
import { lookupPair } from '../rest/pair-names.ts';
import { quoteAsset, quoteCost } from './money.ts';
import {
  type CloseSpec,
  isTrailing,
  ORDER_TYPES,
  type OrderRequest,
  type OrderSide,
  type OrderType,
  type TimeInForce,
} from './order.ts';
import {
  INVALID_PRICE,
  isRelative,
  limitFromTrigger,
  type Offset,
  parseOffset,
  resolveAgainstLast,
  trailingTrigger,
} from './relative-price.ts';

/**
 * Validation of REST AddOrder parameters (https://docs.kraken.com/api/docs/rest-api/add-order), in the
 * order Kraken reports problems: argument shape first (`EGeneral:Invalid arguments:<field>`), then pair
 * rules (`EOrder:Invalid price…`, `EOrder:Order minimum not met`, `EOrder:Cost minimum not met`).
 * Funds are the engine's business.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

const invalid = (field: string): Parsed<never> => ({
  ok: false,
  error: `EGeneral:Invalid arguments:${field}`,
});

/** Raw fields by Kraken's REST names; the WS layer maps its names onto these. */
export interface OrderFields {
  readonly pair?: string | undefined;
  readonly type?: string | undefined;
  readonly ordertype?: string | undefined;
  readonly volume?: string | undefined;
  readonly price?: string | undefined;
  readonly price2?: string | undefined;
  readonly oflags?: string | undefined;
  readonly timeinforce?: string | undefined;
  readonly expiretm?: string | undefined;
  readonly userref?: string | undefined;
  readonly cl_ord_id?: string | undefined;
  readonly closeOrdertype?: string | undefined;
  readonly closePrice?: string | undefined;
  readonly closePrice2?: string | undefined;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Decimal text → integer units at `decimals`, or why not. */
function units(text: string, decimals: number): bigint | 'format' | 'decimals' {
  if (!DECIMAL.test(text)) return 'format';
  const { mantissa, scale } = parseDecimal(text);
  if (scale <= decimals) return mantissa * 10n ** BigInt(decimals - scale);
  const divisor = 10n ** BigInt(scale - decimals);
  return mantissa % divisor === 0n ? mantissa / divisor : 'decimals';
}

/** Recorded wording: "EOrder:Invalid price:XXBTZEUR price can only be specified up to 1 decimals." */
function priceError(spec: PairSpec): string {
  return `EOrder:Invalid price:${spec.restId} price can only be specified up to ${spec.priceDecimals} decimals.`;
}

function tick(text: string | undefined, spec: PairSpec, field: string): Parsed<number | undefined> {
  if (text === undefined || text === '') return { ok: true, value: undefined };
  const value = units(text, spec.priceDecimals);
  if (value === 'format') return invalid(field);
  if (value === 'decimals') return { ok: false, error: priceError(spec) };
  if (value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) return invalid(field);
  return { ok: true, value: Number(value) };
}

function isOrderType(text: string): text is OrderType {
  return (ORDER_TYPES as readonly string[]).includes(text);
}

const CL_ORD_ID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}|[\x20-\x7e]{1,18})$/;

type Prices = {
  readonly price: number | undefined;
  readonly price2: number | undefined;
  readonly trail: Offset | undefined;
  readonly limitOffset: Offset | undefined;
};

/** An offset, or Kraken's refusal for it. */
function offsetOf(text: string, spec: PairSpec, prefixes: string): Parsed<Offset> {
  const offset = parseOffset(text, spec);
  if (offset === 'decimals') return { ok: false, error: priceError(spec) };
  if (offset === 'format' || !prefixes.includes(offset.prefix) || (offset.amount <= 0n && prefixes === '+'))
    return { ok: false, error: INVALID_PRICE };
  return { ok: true, value: offset };
}

/**
 * `price`/`price2`: absolute, or relative to the last trade (`+`, `-`, `#`, `%`); trailing stops must give
 * `price` as `+offset[%]` and `price2` (trailing-stop-limit) as `+offset[%]`/`-offset[%]` from the trigger.
 */
function prices(
  fields: OrderFields,
  spec: PairSpec,
  side: OrderSide,
  type: OrderType,
  lastTick: number | undefined,
): Parsed<Prices> {
  if (isTrailing(type)) {
    if (!fields.price) return invalid('price');
    const trail = offsetOf(fields.price, spec, '+');
    if (!trail.ok) return trail;
    let limitOffset: Offset | undefined;
    if (type === 'trailing-stop-limit') {
      if (!fields.price2) return invalid('price2');
      const parsed = offsetOf(fields.price2, spec, '+-');
      if (!parsed.ok) return parsed;
      limitOffset = parsed.value;
    }
    const reference = lastTick ?? 0;
    const trigger = trailingTrigger(trail.value, reference, side);
    const limit = limitOffset ? limitFromTrigger(limitOffset, trigger) : undefined;
    return { ok: true, value: { price: trigger, price2: limit, trail: trail.value, limitOffset } };
  }
  const resolve = (text: string | undefined, field: string): Parsed<number | undefined> => {
    if (!isRelative(text)) return tick(text, spec, field);
    const offset = offsetOf(text ?? '', spec, '+-#');
    if (!offset.ok) return offset;
    if (lastTick === undefined) return { ok: false, error: INVALID_PRICE };
    const resolved = resolveAgainstLast(offset.value, lastTick, side, type);
    return resolved > 0 ? { ok: true, value: resolved } : { ok: false, error: INVALID_PRICE };
  };
  const price = resolve(fields.price, 'price');
  if (!price.ok) return price;
  const price2 = resolve(fields.price2, 'price2');
  if (!price2.ok) return price2;
  return {
    ok: true,
    value: { price: price.value, price2: price2.value, trail: undefined, limitOffset: undefined },
  };
}

/**
 * `listing`: the pairs this simulator lists (others are unknown); `lastTick`: the pair's last trade, the
 * reference of relative prices and trailing stops.
 */
export function parseOrder(
  listing: Listing,
  fields: OrderFields,
  nowSec: number,
  lastTick?: number,
): Parsed<OrderRequest> {
  const named = lookupPair(fields.pair ?? '', listing);
  if (!fields.pair) return invalid('pair');
  if (!named) return { ok: false, error: 'EQuery:Unknown asset pair' };
  const spec = named.spec;
  const side = fields.type;
  if (side !== 'buy' && side !== 'sell') return invalid('type');
  const ordertype = fields.ordertype ?? '';
  if (!isOrderType(ordertype)) return invalid('ordertype');

  const flags = (fields.oflags ?? '').split(',').filter((flag) => flag !== '');
  if (flags.some((flag) => !['post', 'fcib', 'fciq', 'nompp', 'viqc'].includes(flag)))
    return invalid('oflags');
  if (flags.includes('fcib') && flags.includes('fciq')) return invalid('oflags');
  const viqc = flags.includes('viqc');
  if (viqc && (ordertype !== 'market' || side !== 'buy')) return invalid('oflags');
  const postOnly = flags.includes('post');
  if (postOnly && ordertype !== 'limit') return invalid('oflags');

  const volumeText = fields.volume ?? '';
  const volumeDecimals = viqc ? quoteAsset(spec).instrument.precision : spec.qtyDecimals;
  const volume = units(volumeText, volumeDecimals);
  if (volume === 'format' || volume === 'decimals' || volume <= 0n) return invalid('volume');

  const priced = prices(fields, spec, side, ordertype, lastTick);
  if (!priced.ok) return priced;
  const price = { value: priced.value.price };
  const price2 = { value: priced.value.price2 };
  if (ordertype !== 'market' && price.value === undefined) return invalid('price');
  if (ordertype.endsWith('-limit') && price2.value === undefined) return invalid('price2');

  const tif = (fields.timeinforce ?? 'GTC').toUpperCase();
  if (tif !== 'GTC' && tif !== 'IOC' && tif !== 'GTD' && tif !== 'FOK') return invalid('timeinforce');
  const timeInForce: TimeInForce = tif;
  let expireSec: number | undefined;
  if (timeInForce === 'GTD') {
    const text = fields.expiretm ?? '';
    const match = /^(\+)?(\d{1,10})$/.exec(text);
    if (!match) return invalid('expiretm');
    expireSec = match[1] ? nowSec + Number(match[2]) : Number(match[2]);
    if (expireSec <= nowSec) return invalid('expiretm');
  }

  let userref: number | undefined;
  if (fields.userref !== undefined && fields.userref !== '') {
    if (!/^-?\d{1,10}$/.test(fields.userref)) return invalid('userref');
    userref = Number(fields.userref);
    if (userref < -2147483648 || userref > 2147483647) return invalid('userref');
  }
  const clOrdId = fields.cl_ord_id === '' ? undefined : fields.cl_ord_id;
  if (clOrdId !== undefined && !CL_ORD_ID.test(clOrdId)) return invalid('cl_ord_id');
  // userref and cl_ord_id are mutually exclusive (add.yaml: "userref … cannot be used with cl_ord_id").
  if (clOrdId !== undefined && userref !== undefined) return invalid('cl_ord_id');

  let close: CloseSpec | undefined;
  if (fields.closeOrdertype !== undefined) {
    if (!isOrderType(fields.closeOrdertype) || fields.closeOrdertype === 'market')
      return invalid('close[ordertype]');
    const closePrice = tick(fields.closePrice, spec, 'close[price]');
    if (!closePrice.ok) return closePrice;
    const closePrice2 = tick(fields.closePrice2, spec, 'close[price2]');
    if (!closePrice2.ok) return closePrice2;
    if (closePrice.value === undefined) return invalid('close[price]');
    close = { type: fields.closeOrdertype, priceTick: closePrice.value, price2Tick: closePrice2.value };
  }

  if (!viqc && volume < spec.qtyMinUnits) return { ok: false, error: 'EOrder:Order minimum not met' };
  const costTick = ordertype.endsWith('-limit') ? price2.value : price.value;
  if (!viqc && costTick !== undefined && ordertype !== 'market') {
    const costMin = units(spec.instrument.cost_min, quoteAsset(spec).instrument.precision);
    if (typeof costMin === 'bigint' && quoteCost(spec, costTick, volume) < costMin) {
      return { ok: false, error: 'EOrder:Cost minimum not met' };
    }
  }

  return {
    ok: true,
    value: {
      pair: spec,
      side,
      type: ordertype,
      volume,
      viqc,
      priceTick: price.value,
      price2Tick: price2.value,
      postOnly,
      feeInBase: flags.includes('fcib'),
      timeInForce,
      expireSec,
      userref,
      clOrdId,
      close,
      trail: priced.value.trail,
      limitOffset: priced.value.limitOffset,
    },
  };
}
