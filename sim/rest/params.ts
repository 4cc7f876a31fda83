/**
 * Request parameters. Kraken's public endpoints take a query string on GET and a form- or JSON-encoded body
 * on POST (https://docs.kraken.com/api/docs/guides/spot-rest-intro); the simulator merges both, body last.
 */
export type Params = ReadonlyMap<string, string>;

export function parseParams(search: URLSearchParams, body: string, contentType: string | undefined): Params {
  const params = new Map<string, string>(search);
  if (body.trim() === '') return params;
  if (contentType?.toLowerCase().includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return params;
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          params.set(key, String(value));
        }
      }
    }
    return params;
  }
  for (const [key, value] of new URLSearchParams(body)) params.set(key, value);
  return params;
}

export type IntParam =
  | { readonly kind: 'absent' }
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'invalid' };

/** A non-negative decimal integer parameter. */
export function intParam(params: Params, name: string): IntParam {
  const text = params.get(name);
  if (text === undefined || text === '') return { kind: 'absent' };
  if (!/^\d{1,15}$/.test(text)) return { kind: 'invalid' };
  return { kind: 'value', value: Number(text) };
}
