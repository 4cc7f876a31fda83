// The lowest layer (lib/base) imports nothing from other lib folders: every other folder may use it.

/**
 * Runs tasks one at a time, in call order; a task that fails does not stop the ones after it.
 * Used wherever order matters more than speed: private REST calls per key (a nonce only helps if requests
 * reach Kraken in nonce order — https://docs.kraken.com/api/docs/guides/spot-rest-auth, SPEC.md §2
 * "Parallel requests on one key arrive out of order → serialize"), nonce issuing, the rate-limit counter's
 * FIFO, settings writes and the alert service's ticks and edits.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    /** Runs `task` after every task queued before it has settled; resolves or rejects with its result. */
    run<T>(task: () => T | Promise<T>): Promise<T> {
      pending++;
      const result = tail.then(task, task).finally(() => {
        pending--;
      });
      tail = result.catch(() => undefined);
      return result;
    },
    /** Tasks queued or running. */
    get pending() {
      return pending;
    },
  };
}
export type SerialQueue = ReturnType<typeof createSerialQueue>;
