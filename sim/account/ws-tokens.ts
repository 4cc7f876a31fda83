import { randomBytes } from 'node:crypto';
import type { ApiKey } from './keys.ts';

/** Seconds a fresh token may wait before its first use (GetWebSocketsToken `expires`: 900). */
export const TOKEN_TTL_SEC = 900;

interface TokenState {
  readonly key: ApiKey;
  readonly expiresMs: number;
  /** "It does not expire once a successful WebSocket connection and private subscription has been made." */
  used: boolean;
}

/** WebSocket tokens issued by GetWebSocketsToken (https://docs.kraken.com/api/docs/rest-api/get-websockets-token). */
export class WsTokens {
  private readonly tokens = new Map<string, TokenState>();

  constructor(private readonly now: () => number = Date.now) {}

  /** 43 base64 characters, like the documented `1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw`. */
  issue(key: ApiKey): string {
    const token = randomBytes(32).toString('base64').replace(/=+$/, '');
    this.tokens.set(token, { key, expiresMs: this.now() + TOKEN_TTL_SEC * 1000, used: false });
    return token;
  }

  /** The key behind a valid token; marks it used so it stays valid. */
  redeem(token: unknown): ApiKey | undefined {
    if (typeof token !== 'string') return undefined;
    const state = this.tokens.get(token);
    if (!state) return undefined;
    if (!state.used && this.now() > state.expiresMs) {
      this.tokens.delete(token);
      return undefined;
    }
    state.used = true;
    return state.key;
  }
}
