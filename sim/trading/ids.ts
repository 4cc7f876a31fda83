import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function chunk(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Kraken-shaped ids: `OUF4EM-FRGI2-MQMWZD` (orders), `TCCCTY-WE2O6-P3NB37` (trades), `L…` (ledger). */
export function krakenId(prefix: 'O' | 'T' | 'L'): string {
  return `${prefix}${chunk(5)}-${chunk(5)}-${chunk(6)}`;
}
