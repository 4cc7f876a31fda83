/**
 * Renders a JSON number from Kraken's WebSocket v2 feed as decimal text with exactly `decimals` places.
 * v2 sends prices and quantities as JSON numbers at engine precision; JSON.parse loses trailing zeros
 * and may yield exponent forms (5.325e-05), so we expand the shortest round-trip text and pad it.
 * Exact for values with at most 15 significant digits (every Kraken spot price and quantity seen so far);
 * SPEC.md §5.6.
 */
export function toFixedDecimal(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer in 0..20, got ${decimals}`);
  }
  const negative = value < 0 || Object.is(value, -0);
  const plain = expandExponent(Math.abs(value).toString());
  const dot = plain.indexOf('.');
  const intPart = dot === -1 ? plain : plain.slice(0, dot);
  let frac = dot === -1 ? '' : plain.slice(dot + 1);
  if (frac.length > decimals) {
    // More digits than the instrument's precision: round half away from zero on the text.
    return roundText(negative, intPart, frac, decimals);
  }
  frac = frac.padEnd(decimals, '0');
  const body = decimals === 0 ? intPart : `${intPart}.${frac}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

function expandExponent(text: string): string {
  const e = text.indexOf('e');
  if (e === -1) return text;
  const mantissa = text.slice(0, e);
  const exp = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const pointAt = (dot === -1 ? mantissa.length : dot) + exp;
  if (pointAt <= 0) return `0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

function roundText(negative: boolean, intPart: string, frac: string, decimals: number): string {
  const keep = `${intPart}${frac.slice(0, decimals)}`;
  const roundUp = frac.charCodeAt(decimals) >= 53; // "5".."9"
  let digits = roundUp ? incrementDigits(keep) : keep;
  // incrementDigits may add a leading digit (999 → 1000).
  const intLen = digits.length - decimals;
  digits = digits.padStart(decimals + 1, '0');
  const i = digits.slice(0, Math.max(1, intLen)).replace(/^0+(?=\d)/, '');
  const f = digits.slice(Math.max(1, intLen));
  const body = decimals === 0 ? i : `${i}.${f}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}
