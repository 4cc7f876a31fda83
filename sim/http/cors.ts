import type { ServerResponse } from 'node:http';

/**
 * The extension reaches the simulator as a plain web origin, so every REST answer allows any origin and
 * preflights allow the headers a signed Kraken request carries (API-Key, API-Sign).
 */
export function setCorsHeaders(response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
}

export function answerPreflight(response: ServerResponse): void {
  setCorsHeaders(response);
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'API-Key, API-Sign, Content-Type');
  response.setHeader('Access-Control-Max-Age', '600');
  response.writeHead(204);
  response.end();
}
