import { createHash, createHmac } from 'node:crypto';
import type { SimHandle } from '../../sim/server.ts';
import type { AnyJson } from './helpers.ts';

/**
 * A minimal Kraken REST signer written from Kraken's documentation
 * (https://docs.kraken.com/api/docs/guides/spot-rest-auth), independent of the simulator's own code, so a
 * shared mistake cannot make both sides agree.
 */
export function sign(secret: string, path: string, nonce: string, body: string): string {
  const inner = createHash('sha256')
    .update(nonce + body)
    .digest();
  return createHmac('sha512', Buffer.from(secret, 'base64')).update(path).update(inner).digest('base64');
}

let lastNonce = BigInt(Date.now()) * 1000n;
/** Strictly increasing across the whole test process. */
export function nextNonce(): string {
  const now = BigInt(Date.now()) * 1000n;
  lastNonce = now > lastNonce ? now : lastNonce + 1n;
  return lastNonce.toString();
}

export interface CallOptions {
  readonly key?: string;
  readonly secret?: string;
  readonly nonce?: string;
  /** Send a JSON body instead of form encoding. */
  readonly json?: boolean;
  /** Overrides the signature. */
  readonly signature?: string;
}

export interface PrivateReply {
  readonly status: number;
  readonly text: string;
  readonly json: AnyJson;
}

/** POST /0/private/<method> signed with the sim's trading key unless told otherwise. */
export async function privateCall(
  sim: SimHandle,
  method: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<PrivateReply> {
  const nonce = options.nonce ?? nextNonce();
  const path = `/0/private/${method}`;
  let body: string;
  let contentType: string;
  if (options.json) {
    body = JSON.stringify({ nonce, ...params });
    contentType = 'application/json';
  } else {
    const form = new URLSearchParams({ nonce });
    for (const [name, value] of Object.entries(params)) form.append(name, String(value));
    body = form.toString();
    contentType = 'application/x-www-form-urlencoded';
  }
  const key = options.key ?? sim.keys.trading.key;
  const secret = options.secret ?? sim.keys.trading.secret;
  const response = await fetch(`${sim.rest}${path}`, {
    method: 'POST',
    headers: {
      'API-Key': key,
      'API-Sign': options.signature ?? sign(secret, path, nonce, body),
      'Content-Type': contentType,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

/** The result of a call that must succeed. */
export async function ok(
  sim: SimHandle,
  method: string,
  params: Record<string, unknown> = {},
): Promise<AnyJson> {
  const reply = await privateCall(sim, method, params);
  if (reply.json.error.length > 0) throw new Error(`${method}: ${reply.json.error.join(', ')}`);
  return reply.json.result;
}

/** The error list of a call. */
export async function errors(
  sim: SimHandle,
  method: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<string[]> {
  return (await privateCall(sim, method, params, options)).json.error;
}
