import { isIP } from 'node:net';

/**
 * True for loopback peers only: 127.0.0.0/8, ::1 and IPv4-mapped 127.x. The test-control endpoints can
 * move prices and break connections, so nobody else on the network may reach them, whatever `--host` is.
 */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined || isIP(address) === 0) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIP(v4) === 4 && v4.startsWith('127.');
}
