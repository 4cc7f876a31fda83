// The launch waiting for the popup that a shortcut or the address bar is opening. Put synchronously in the
// command's handler (the browser opens a popup only from inside a user action, before any await: MDN, "User
// actions"), resolved later (the pair list may still be on its way), taken once. It expires: a popup the
// person opens a minute later by a click starts as usual, not with an old request.
import type { Launch } from './types.ts';

export const LAUNCH_TTL_MS = 30_000;

export function createLaunchBox(deps: { now(): number; ttlMs?: number }) {
  const ttl = deps.ttlMs ?? LAUNCH_TTL_MS;
  let pending: { launch: Promise<Launch>; at: number } | null = null;
  return {
    /** Replaces any launch still waiting: the latest request is the one the person wants. */
    put(launch: Promise<Launch>): void {
      // A rejected launch is said as a failed one when taken; never an unhandled rejection meanwhile.
      launch.catch(() => {});
      pending = { launch, at: deps.now() };
    },
    /** The waiting launch, once (then it is gone); null when there is none or it is too old. */
    async take(): Promise<Launch | null> {
      const p = pending;
      pending = null;
      if (!p || deps.now() - p.at > ttl) return null;
      try {
        return await p.launch;
      } catch (error) {
        return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export type LaunchBox = ReturnType<typeof createLaunchBox>;
