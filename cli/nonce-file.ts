import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { NonceStore } from '../lib/kraken/index.ts';

/**
 * Nonce marks in a small JSON file, so separate CLI runs on one key keep increasing even if the clock
 * steps back. Written atomically (temp file + rename) before each nonce is used. Two CLI processes must not
 * use it at the same time: take withNonceFileLock around every signed call.
 */
export function fileNonceStore(path: string): NonceStore {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return {
    load: async (keyId) => read()[keyId],
    save: async (keyId, value) => {
      const data = { ...read(), [keyId]: value };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
      renameSync(tmp, path);
    },
  };
}

export interface NonceLockOptions {
  /** Give up waiting for another process after this long (default 2 minutes: a slow call retries for ~1). */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its process seems alive (a reused pid). Default 10 min. */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock file was left by a process that is gone (or is far too old to be a call in progress). */
function isStale(lockPath: string, staleMs: number): boolean {
  try {
    const age = Date.now() - statSync(lockPath).mtimeMs;
    if (age > staleMs) return true;
    const { pid } = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' && !alive(pid);
  } catch {
    return false; // gone already, or being written right now: try again
  }
}

/**
 * Removes a stale lock. Only the process holding `<lock>.break` may do it, and it checks the lock is still
 * the stale one first, so two waiters that both saw it stale never remove a fresh lock taken in between.
 */
function breakStale(lockPath: string, staleMs: number): void {
  const breaker = `${lockPath}.break`;
  try {
    closeSync(openSync(breaker, 'wx'));
  } catch {
    // Someone else is breaking it; a breaker left by a crash is cleared after a few seconds.
    try {
      if (Date.now() - statSync(breaker).mtimeMs > 5_000) unlinkSync(breaker);
    } catch {}
    return;
  }
  try {
    if (isStale(lockPath, staleMs)) unlinkSync(lockPath);
  } catch {
  } finally {
    unlinkSync(breaker);
  }
}

/**
 * Runs `fn` (one signed call: nonce taken, request sent, answer read) while holding `<path>.lock`, an
 * exclusively created file, so concurrent CLI processes on one nonce file take turns. Kraken needs more than
 * distinct nonces: each must also *arrive* above the last one it accepted, so the lock spans the whole call,
 * as the per-key queue does inside one process (docs/nonce.md). A lock left by a process that died is taken
 * over.
 */
export async function withNonceFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: NonceLockOptions = {},
): Promise<T> {
  const lockPath = `${path}.lock`;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, at: Date.now() }));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockPath, staleMs)) {
        breakStale(lockPath, staleMs);
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `another kraken CLI call has held ${lockPath} for too long; if none is running, delete that file`,
        );
      }
      await sleep(5 + Math.random() * 20);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {}
  }
}
