// "Open in side panel": Chrome's side panel (chrome.sidePanel.open, Chrome 116+, which must run in the handler
// of the person's click: https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open) or
// Firefox's sidebar (sidebarAction.open, also only from a user action:
// https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/open).
import { browser } from 'wxt/browser';
import type { Translate } from '../../lib/i18n/translate.ts';

interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };

/** Whether this browser has a side panel or sidebar for extensions. */
export const hasSidePanel = (): boolean => api.sidePanel !== undefined || api.sidebarAction !== undefined;

/** This browser has no side panel (nor sidebar) for extensions: said by the page, by its own key. */
class NoSidePanel extends Error {
  override readonly name = 'NoSidePanel';
}

/**
 * Opens the side panel in the popup's window. `windowId` is read when the popup opens (windows.getCurrent),
 * so nothing is awaited between the click and the call: the click's user gesture is still there.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId });
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.reject(new NoSidePanel());
}

/** Why the side panel did not open: no side panel here, or the browser's own words (English in any page). */
export type SidePanelFailure = { kind: 'none' } | { kind: 'browser'; words: string };

export const sidePanelFailure = (e: unknown): SidePanelFailure =>
  e instanceof NoSidePanel
    ? { kind: 'none' }
    : { kind: 'browser', words: e instanceof Error ? e.message : String(e) };

/** The failure in the page's language; the browser's words inside a translated sentence, as they came. */
export function sidePanelFailureText(failure: SidePanelFailure, t: Translate): string {
  switch (failure.kind) {
    case 'none':
      return t('popup.noSidePanel');
    case 'browser':
      return t('popup.sidePanelFailed', { words: failure.words });
    default: {
      const never: never = failure;
      return String(never);
    }
  }
}

export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent()).id;
}
