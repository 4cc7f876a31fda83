/** Formats a display price at the pair's precision (a sensible width when the precision is unknown). */
export function formatPrice(value: number, precision: number | undefined): string {
  const digits = precision ?? (Math.abs(value) >= 100 ? 2 : Math.abs(value) >= 1 ? 4 : 6);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatChangePct(pct: number): string {
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '';
  return `${sign}${Math.abs(pct).toFixed(2)}%`;
}
