// A raw CDP line to the extension's service worker: its JS heap (HeapProfiler.collectGarbage, then
// Runtime.getHeapUsage) and every uncaught exception or console.error it reports (Runtime domain). Playwright
// opens CDP sessions on pages only, so a blank page's session attaches to the worker target the old,
// non-flattened way (Target.attachToTarget + Target.sendMessageToTarget). Runtime.enable replays what the
// worker logged before we attached, so a fresh worker's start-up errors are seen too.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser.ts';

export interface WorkerError {
  at: number;
  kind: 'exception' | 'console.error';
  text: string;
}

export interface HeapSample {
  usedSize: number;
  totalSize: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface RemoteObject {
  type: string;
  value?: unknown;
  description?: string;
}

export function createWorkerProbe(ext: ExtensionBrowser) {
  let page: Page | null = null;
  let cdp: CDPSession | null = null;
  let sessionId: string | null = null;
  let nextId = 1;
  const pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  const errors: WorkerError[] = [];
  /** The browser's own error log lines for the worker (Log domain: failed connections and the like). */
  const browserLog = new Map<string, number>();
  const seen = new Set<string>();
  const prefix = `chrome-extension://${ext.extensionId}/`;

  function record(kind: WorkerError['kind'], text: string, timestamp: number): void {
    const key = `${kind}|${timestamp}|${text}`;
    if (seen.has(key)) return; // a replay after a second attach to the same worker
    seen.add(key);
    errors.push({ at: Math.round(timestamp), kind, text: text.slice(0, 500) });
  }

  function onMessage(raw: string): void {
    const message = JSON.parse(raw) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.fail(new Error(message.error.message));
      else waiter?.ok(message.result);
      return;
    }
    if (message.method === 'Runtime.exceptionThrown') {
      const { timestamp, exceptionDetails } = message.params as {
        timestamp: number;
        exceptionDetails: { text: string; exception?: RemoteObject; url?: string; lineNumber?: number };
      };
      const detail = exceptionDetails.exception?.description ?? '';
      record('exception', `${exceptionDetails.text} ${detail}`.trim(), timestamp);
    } else if (message.method === 'Log.entryAdded') {
      const { entry } = message.params as { entry: { level: string; source: string; text: string } };
      if (entry.level !== 'error') return;
      // Grouped by text without numbers, so one line per kind of failure (e.g. a refused connection).
      const key = `${entry.source}: ${entry.text.replace(/\d+/g, 'N').slice(0, 200)}`;
      browserLog.set(key, (browserLog.get(key) ?? 0) + 1);
    } else if (message.method === 'Runtime.consoleAPICalled') {
      const { type, args, timestamp } = message.params as {
        type: string;
        args: RemoteObject[];
        timestamp: number;
      };
      if (type !== 'error' && type !== 'assert') return;
      const text = args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? a.type)));
      record('console.error', text.join(' '), timestamp);
    }
  }

  async function ensurePage(): Promise<CDPSession> {
    if (cdp) return cdp;
    page = await ext.context.newPage();
    const session = await ext.context.newCDPSession(page);
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId === sessionId) onMessage(event.message);
    });
    session.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      sessionId = null;
      for (const waiter of pending.values()) waiter.fail(new Error('the worker went away'));
      pending.clear();
    });
    cdp = session;
    return session;
  }

  function send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const session = cdp;
    const target = sessionId;
    if (!session || !target) return Promise.reject(new Error('not attached to the worker'));
    const id = nextId++;
    return new Promise<T>((ok, fail) => {
      pending.set(id, { ok: ok as (v: unknown) => void, fail });
      session
        .send('Target.sendMessageToTarget', {
          sessionId: target,
          message: JSON.stringify({ id, method, params }),
        })
        .catch((error: Error) => {
          pending.delete(id);
          fail(error);
        });
    });
  }

  return {
    /** Attaches to the running worker (again after a restart); a no-op while attached. */
    async attach(): Promise<void> {
      const session = await ensurePage();
      if (sessionId) return;
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
      if (!worker) throw new Error('no service worker target');
      const attached = (await session.send('Target.attachToTarget', {
        targetId: worker.targetId,
        flatten: false,
      })) as { sessionId: string };
      sessionId = attached.sessionId;
      await send('Runtime.enable');
      await send('Log.enable').catch(() => {});
    },
    attached: (): boolean => sessionId !== null,
    /**
     * The worker's JS heap after a full garbage collection: the smallest of three readings 300 ms apart, so
     * a message being handled at that moment does not count as heap the worker keeps.
     */
    async heap(): Promise<HeapSample> {
      let best: HeapSample | null = null;
      for (let i = 0; i < 3; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 300));
        await send('HeapProfiler.collectGarbage').catch(() => {}); // "if available"
        const { usedSize, totalSize } = await send<HeapSample>('Runtime.getHeapUsage');
        if (!best || usedSize < best.usedSize) best = { usedSize, totalSize };
      }
      return best as HeapSample;
    },
    errors: (): readonly WorkerError[] => errors,
    browserLog: (): Record<string, number> => Object.fromEntries(browserLog),
    async close(): Promise<void> {
      await page?.close().catch(() => {});
    },
  };
}

export type WorkerProbe = ReturnType<typeof createWorkerProbe>;
