// Where the extension talks to: Kraken, or a Kraken-compatible server on this computer (the simulator).
// A custom endpoint may only be a loopback host: keys are bound to the endpoint they were added for
// (lib/vault/binding.ts), and the extension pages' CSP (wxt.config.ts, connect-src) lets nothing else out.

export interface EndpointUrls {
  rest: string;
  wsPublic: string;
  wsPrivate: string | null;
}

export type Endpoints = { kind: 'kraken' } | ({ kind: 'custom' } & EndpointUrls);

/** Kraken's production endpoints (SPEC.md §1.1, §5). */
export const KRAKEN_ENDPOINTS: EndpointUrls = {
  rest: 'https://api.kraken.com',
  wsPublic: 'wss://ws.kraken.com/v2',
  wsPrivate: 'wss://ws-auth.kraken.com/v2',
};

export function endpointUrls(endpoints: Endpoints): EndpointUrls {
  return endpoints.kind === 'kraken'
    ? KRAKEN_ENDPOINTS
    : { rest: endpoints.rest, wsPublic: endpoints.wsPublic, wsPrivate: endpoints.wsPrivate };
}

/** Kraken's status page (an Atlassian Statuspage site), where planned maintenance is announced. */
export const KRAKEN_STATUS_PAGE = 'https://status.kraken.com';

/**
 * Where announced maintenance is read for these endpoints: Kraken's status page, or, for a custom endpoint (the
 * simulator), its own REST origin, which serves the same documents (sim/http/status-page.ts).
 */
export function statusPageUrl(endpoints: Endpoints): string {
  return endpoints.kind === 'kraken' ? KRAKEN_STATUS_PAGE : new URL(endpoints.rest).origin;
}

/** What is wrong with a URL typed for a custom endpoint: the options page says it in the person's language. */
export type EndpointProblem =
  | { kind: 'not-url'; text: string }
  | { kind: 'scheme'; schemes: string[] }
  | { kind: 'credentials' }
  | { kind: 'ipv6' }
  | { kind: 'not-local'; host: string };

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly field: string,
    message: string,
    readonly problem?: EndpointProblem,
  ) {
    super(message);
  }
}

/**
 * The hosts a custom endpoint may name: this computer only, any port. IPv6's `[::1]` is not among them
 * although it is loopback: a CSP host-source cannot name an IPv6 address (the grammar has no brackets;
 * Chromium drops such a source as invalid — w3c/webappsec-csp issues 224 and 440), so the pages' connect-src
 * could never let the extension reach it.
 */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

/** Whether a URL (any scheme) names this computer as the endpoint rules understand it. */
export function isLoopbackUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return LOOPBACK_HOSTS.includes(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function hostRule(url: URL, field: string): void {
  if (url.username !== '' || url.password !== '') {
    throw new SettingsError(field, `${field} must not carry a user name or password.`, {
      kind: 'credentials',
    });
  }
  if (LOOPBACK_HOSTS.includes(url.hostname)) return;
  if (url.hostname === '[::1]') {
    throw new SettingsError(
      field,
      `${field}: IPv6 addresses such as [::1] cannot be allowed by the extension’s connection policy. Use 127.0.0.1 or localhost (any port).`,
      { kind: 'ipv6' },
    );
  }
  throw new SettingsError(
    field,
    `${field}: a custom endpoint must be on this computer (127.0.0.1 or localhost, any port), for the local simulator. “${url.hostname}” is not; choose “Kraken” for the real exchange.`,
    { kind: 'not-local', host: url.hostname },
  );
}

function parseUrl(text: string, field: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SettingsError(field, `“${text}” is not a URL.`, { kind: 'not-url', text });
  }
  if (!protocols.includes(url.protocol)) {
    throw new SettingsError(
      field,
      `${field} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`,
      { kind: 'scheme', schemes: protocols.map((p) => `${p}//`) },
    );
  }
  hostRule(url, field);
  return url.href.replace(/\/$/, '');
}

/**
 * Endpoints for a Kraken-compatible server (the local simulator) from its REST origin, e.g.
 * "http://127.0.0.1:8787". The WebSocket URLs default to the same host: `/v2` (public), `/v2-auth` (private).
 * Every URL must name this computer (LOOPBACK_HOSTS); anything else throws a SettingsError that says so.
 */
export type CustomEndpoints = Extract<Endpoints, { kind: 'custom' }>;

export function customEndpoints(rest: string, wsPublic?: string, wsPrivate?: string | null): CustomEndpoints {
  const restUrl = parseUrl(rest, 'REST URL', ['http:', 'https:']);
  const origin = new URL(restUrl);
  const derivedWs = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}/v2`;
  return {
    kind: 'custom',
    rest: origin.origin,
    wsPublic: wsPublic?.trim() ? parseUrl(wsPublic, 'WebSocket URL', ['ws:', 'wss:']) : derivedWs,
    // The simulator serves the authenticated feed at /v2-auth of the same origin (docs/simulator.md).
    wsPrivate: wsPrivate?.trim()
      ? parseUrl(wsPrivate, 'Private WebSocket URL', ['ws:', 'wss:'])
      : `${derivedWs}-auth`,
  };
}
