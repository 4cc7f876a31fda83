// A typed listener set. Part of lib/base: imports nothing from other lib folders.

export type Listener<T> = (value: T) => void;

export interface EmitterOptions<T> {
  /**
   * Told about each listener that threw, with the value it was given. Without it the error is dropped: a
   * listener's bug (or a closed popup's port that throws on postMessage) must not reach the emitter's owner.
   */
  onError?: (error: unknown, value: T) => void;
}

/**
 * Listeners in the order they subscribed. `emit` isolates them: one that throws never keeps the others from
 * hearing the value, and never throws out of `emit`. A listener removed during an emit is not called after
 * its removal; one added during an emit first hears the next value.
 */
export function createEmitter<T>(options: EmitterOptions<T> = {}) {
  const listeners = new Set<Listener<T>>();
  return {
    /** Adds a listener; returns the function that removes it (calling that twice is harmless). */
    on(listener: Listener<T>): () => void {
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const entry: Listener<T> = (value) => listener(value);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(value: T): void {
      for (const listener of [...listeners]) {
        if (!listeners.has(listener)) continue;
        try {
          listener(value);
        } catch (error) {
          try {
            options.onError?.(error, value);
          } catch {
            // The error reporter failing is not a reason to skip the remaining listeners either.
          }
        }
      }
    },
    /** How many listeners are subscribed. */
    get size(): number {
      return listeners.size;
    },
  };
}
export type Emitter<T> = ReturnType<typeof createEmitter<T>>;
