/**
 * CancelAllOrdersAfter (https://docs.kraken.com/api/docs/rest-api/cancel-all-orders-after): a countdown
 * that cancels every open order when it reaches zero; each call re-arms it, `timeout` 0 disarms it.
 */
export class DeadManSwitch {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly fire: () => void) {}

  /** Returns the trigger time in ms since the epoch (now when disarmed). */
  arm(timeoutSec: number, nowMs: number = Date.now()): number {
    this.disarm();
    if (timeoutSec === 0) return nowMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, timeoutSec * 1000);
    this.timer.unref();
    return nowMs + timeoutSec * 1000;
  }

  /** True while a countdown runs (for in-process tests and the control surface). */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
