// request-roundtrip: one request to the background and its answer, from a popup page in Chromium, over the
// request port the pages use (lib/messaging/client.ts, REQUEST_PORT) and over runtime.sendMessage (which the
// background still serves), alternated in one run on the same page, the same request (`settings.get`, a
// read of the settings the background keeps in memory) and the same worker. Plain JavaScript passed as text
// (the TypeScript loader's helpers do not exist in the page).
import type { Page } from 'playwright-core';

export interface RoundTrip {
  port: number;
  portP95: number;
  sendMessage: number;
  sendMessageP95: number;
  samples: number;
}

const MEASURE = `async (rounds) => {
  const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
  const request = { type: 'settings.get' };
  const port = chrome.runtime.connect({ name: 'requests' });
  const waiting = new Map();
  port.onMessage.addListener((m) => { waiting.get(m.id)?.(m.response); waiting.delete(m.id); });
  let id = 0;
  const overPort = () => new Promise((resolve) => { id += 1; waiting.set(id, resolve); port.postMessage({ id, request }); });
  const overMessage = () => chrome.runtime.sendMessage(request);
  const pause = () => new Promise((r) => setTimeout(r, 10));
  const times = { port: [], sendMessage: [] };
  for (let i = 0; i < rounds; i++) {
    for (const [name, send] of i % 2 ? [['port', overPort], ['sendMessage', overMessage]] : [['sendMessage', overMessage], ['port', overPort]]) {
      const start = performance.now();
      const answer = await send();
      if (!answer || answer.ok !== true) throw new Error('request-roundtrip: ' + name + ' answered ' + JSON.stringify(answer));
      times[name].push(performance.now() - start);
      await pause();
    }
  }
  port.disconnect();
  return { port: pct(times.port, 50), portP95: pct(times.port, 95), sendMessage: pct(times.sendMessage, 50), sendMessageP95: pct(times.sendMessage, 95), samples: rounds };
}`;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** `rounds` round trips each way, on an open extension page whose background is up. */
export async function requestRoundTrip(page: Page, rounds = 200): Promise<RoundTrip> {
  const r = (await page.evaluate(`(${MEASURE})(${rounds})`)) as RoundTrip;
  return {
    port: round1(r.port),
    portP95: round1(r.portP95),
    sendMessage: round1(r.sendMessage),
    sendMessageP95: round1(r.sendMessageP95),
    samples: r.samples,
  };
}
