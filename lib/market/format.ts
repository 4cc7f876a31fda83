// `Number.prototype.toLocaleString` with options builds a new Intl.NumberFormat on every call (ECMA-402
// §20.2.1), which is slow: with 20 watched pairs at the soak's 10× market speed the popup spent half its time
// there and fell behind (`npm run soak`, 2026-12). Same output from one formatter per number of digits.
const formatters = new Map<number, Intl.NumberFormat>();

function formatterFor(digits: number): Intl.NumberFormat {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(digits, formatter);
  }
  return formatter;
}

/** Formats a display price at the pair's precision (a sensible width when the precision is unknown). */
export function formatPrice(value: number, precision: number | undefined): string {
  const digits = precision ?? (Math.abs(value) >= 100 ? 2 : Math.abs(value) >= 1 ? 4 : 6);
  return formatterFor(digits).format(value);
}

export function formatChangePct(pct: number): string {
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '';
  return `${sign}${Math.abs(pct).toFixed(2)}%`;
}
