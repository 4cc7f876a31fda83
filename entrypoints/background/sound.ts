// The optional alert sound. A service worker cannot play audio, so Chrome's offscreen API hosts a tiny
// page that does (reason AUDIO_PLAYBACK). Firefox has no offscreen API: there the sound is skipped.
// https://developer.chrome.com/docs/extensions/reference/api/offscreen
import { browser } from 'wxt/browser';
import type { OffscreenMessage } from '../../lib/messaging/protocol.ts';

const PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ContextsApi {
  getContexts?(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
}

/** Creates the offscreen page once (concurrent alerts share the creation; Chrome allows one document). */
async function ensureDocument(api: OffscreenApi): Promise<void> {
  const url = browser.runtime.getURL(PATH);
  const existing = await (browser.runtime as unknown as ContextsApi).getContexts?.({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [url],
  });
  if (existing && existing.length > 0) return;
  creating ??= api
    .createDocument({
      url,
      reasons: ['AUDIO_PLAYBACK'],
      justification: 'Plays the alert sound the user turned on.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export async function playAlertSound(): Promise<void> {
  const api = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (!api) return;
  await ensureDocument(api);
  const message: OffscreenMessage = { target: 'offscreen', type: 'play-alert-sound' };
  await browser.runtime.sendMessage(message);
}
