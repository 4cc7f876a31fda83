// Sender classification: every message handler asks this first and rejects by default (DESIGN.md §8).
// Only our own extension pages (popup, options) may talk to the background: not content scripts, not
// web pages, not other extensions. Habit learnt from Bitwarden's browser client (classify, then reject).

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
}

export type SenderClass = 'extension-page' | 'other-extension' | 'web-content' | 'unknown';

export function classifySender(sender: SenderLike, ownId: string, ownOrigin: string): SenderClass {
  if (!sender.id || sender.id !== ownId) return sender.id ? 'other-extension' : 'unknown';
  const url = sender.url ?? sender.origin;
  if (!url) return 'unknown';
  let origin: string;
  try {
    // Not URL.origin: for chrome-extension: URLs it is "null" outside the browser (non-special scheme).
    const parsed = new URL(url);
    origin = `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'unknown';
  }
  // A content script of ours would carry our id but a web page's URL.
  return origin === ownOrigin.replace(/\/$/, '') ? 'extension-page' : 'web-content';
}

export function isTrustedSender(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  return classifySender(sender, ownId, ownOrigin) === 'extension-page';
}
