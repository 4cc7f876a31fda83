/**
 * Runs tasks one at a time, in call order. Private calls go through one queue per key: a nonce is only
 * useful if requests reach Kraken in nonce order, and two requests in flight on two connections can
 * overtake each other (SPEC.md §2 "Parallel requests on one key arrive out of order → serialize").
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      pending++;
      const result = tail.then(task, task).finally(() => {
        pending--;
      });
      tail = result.catch(() => undefined);
      return result;
    },
    get pending() {
      return pending;
    },
  };
}
export type SerialQueue = ReturnType<typeof createSerialQueue>;
