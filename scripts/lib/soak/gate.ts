// A gate the soak's concurrent tracks wait at while the worker or the simulator is being restarted.

export function createGate() {
  let opened: Promise<void> = Promise.resolve();
  let open: (() => void) | null = null;
  return {
    close(): void {
      if (open) return;
      opened = new Promise((resolve) => {
        open = resolve;
      });
    },
    open(): void {
      open?.();
      open = null;
    },
    /** Resolves once the gate is open. */
    passed: (): Promise<void> => opened,
    isOpen: (): boolean => open === null,
  };
}

export type Gate = ReturnType<typeof createGate>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
