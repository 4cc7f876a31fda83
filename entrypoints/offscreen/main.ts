// The offscreen page (Chrome): plays the alert sound when the background asks. Two short tones made with
// WebAudio, so no audio file ships with the extension. Only this extension's own messages are obeyed.
import { browser } from 'wxt/browser';
import { isOffscreenMessage } from '../../lib/messaging/protocol.ts';

let audio: AudioContext | null = null;

function chime(): void {
  audio ??= new AudioContext();
  const start = audio.currentTime;
  for (const [i, freq] of [880, 1320].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + i * 0.18);
    osc.stop(start + i * 0.18 + 0.17);
  }
}

browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== browser.runtime.id || !isOffscreenMessage(message)) return false;
  chime();
  sendResponse({ played: true });
  return false;
});
