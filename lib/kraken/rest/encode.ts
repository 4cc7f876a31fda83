// Form encoding for Kraken REST. The string produced here is the exact body that is signed and sent:
// nothing downstream may re-serialise it (SPEC.md §2, mistake 4).

export type ParamValue =
  | string
  | number
  | bigint
  | boolean
  | undefined
  | null
  | readonly ParamValue[]
  // Nested records (batch orders, conditional close); `object` so typed interfaces fit without casts.
  | object;

export type Params = { readonly [key: string]: ParamValue };

/**
 * Flattens params into URLSearchParams in insertion order. Arrays and objects use the bracket form Kraken
 * reads for batch orders and conditional closes (`orders[0][type]=buy`, `close[ordertype]=limit`).
 * Numbers must be safe integers: money travels as decimal strings, never floats.
 */
export function encodeForm(params: Params, first?: [string, string]): URLSearchParams {
  const form = new URLSearchParams();
  if (first) form.append(first[0], first[1]);
  const put = (key: string, value: ParamValue): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'string') form.append(key, value);
    else if (typeof value === 'boolean') form.append(key, value ? 'true' : 'false');
    else if (typeof value === 'bigint') form.append(key, value.toString());
    else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(`parameter ${key} must be an integer or a decimal string, got ${value}`);
      }
      form.append(key, String(value));
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) put(`${key}[${i}]`, v);
    } else for (const [k, v] of Object.entries(value as Record<string, ParamValue>)) put(`${key}[${k}]`, v);
  };
  for (const [key, value] of Object.entries(params)) {
    if (first && key === first[0]) continue;
    put(key, value);
  }
  return form;
}

/** Kraken's comma lists (pair=XBTUSD,ETHUSD; txid=A,B; oflags=post,fciq). */
export const commaList = (values: readonly string[] | undefined): string | undefined =>
  values === undefined ? undefined : values.join(',');
