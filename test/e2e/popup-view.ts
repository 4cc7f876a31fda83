// The toolbar popup that the extension opened itself (action.openPopup from a shortcut or the address bar):
// Chromium shows it as a page target that Playwright does not list among the context's pages, so it is read
// over raw CDP — attached from a blank page, messages relayed with Target.sendMessageToTarget.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/browser.ts';
import { waitUntil } from './harness.ts';

export interface PopupView {
  /** Evaluates `expression` in the popup and returns its value (JSON). */
  eval<T>(expression: string): Promise<T>;
  /** A PNG of the popup as it is shown (CDP Page.captureScreenshot). */
  screenshot(): Promise<Buffer>;
  /** Polls `expression` in the popup until it is truthy. */
  waitFor(expression: string, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** popup.html targets that are not one of the context's tabs (a tab may show popup.html too). */
async function popupTargets(cdp: CDPSession, ext: ExtensionBrowser): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const tabs = new Set<string>();
  for (const page of ext.context.pages()) {
    const session = await ext.context.newCDPSession(page);
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
    tabs.add(targetInfo.targetId);
    await session.detach();
  }
  return targetInfos.filter(
    (t) =>
      t.type === 'page' &&
      t.url === `chrome-extension://${ext.extensionId}/popup.html` &&
      !tabs.has(t.targetId),
  );
}

/** Whether an extension popup (not a tab) is open now. */
export async function popupOpen(ext: ExtensionBrowser): Promise<boolean> {
  const blank = await ext.context.newPage();
  try {
    return (await popupTargets(await ext.context.newCDPSession(blank), ext)).length > 0;
  } finally {
    await blank.close();
  }
}

/** Waits for the extension's own popup to open and attaches to it. */
export async function attachPopup(ext: ExtensionBrowser, timeoutMs = 10_000): Promise<PopupView> {
  const blank: Page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(blank);
  let target: TargetInfo | undefined;
  await waitUntil(
    async () => {
      target = (await popupTargets(cdp, ext))[0];
      return target !== undefined;
    },
    timeoutMs,
    'the extension popup to open',
  );
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target?.targetId ?? '',
    flatten: false,
  })) as { sessionId: string };
  let next = 0;
  type Answer = { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
  const answers = new Map<number, (message: Answer) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as Answer;
    if (message.id !== undefined) answers.get(message.id)?.(message);
  });
  const call = (method: string, params: object) =>
    new Promise<Answer>((resolve, reject) => {
      next += 1;
      answers.set(next, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m)));
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: next, method, params }),
        })
        .catch(reject);
    });
  const evaluate = async <T>(expression: string) =>
    (await call('Runtime.evaluate', { expression, returnByValue: true })).result?.result?.value as T;
  return {
    eval: evaluate,
    async screenshot() {
      const answer = (await call('Page.captureScreenshot', { format: 'png' })) as {
        result?: { data?: string };
      };
      return Buffer.from(answer.result?.data ?? '', 'base64');
    },
    async waitFor(expression, what, ms = 10_000) {
      await waitUntil(async () => Boolean(await evaluate(expression)), ms, what);
    },
    async close() {
      await evaluate('window.close()').catch(() => {});
      await cdp.detach().catch(() => {});
      await blank.close().catch(() => {});
    },
  };
}
