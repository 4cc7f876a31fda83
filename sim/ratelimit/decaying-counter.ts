/** A counter (in hundredths) that decays linearly with time and never goes below zero. */
export class DecayingCounter {
  private value = 0;
  private at: number;

  constructor(
    private readonly decayPerSec: number,
    private readonly now: () => number,
  ) {
    this.at = now();
  }

  current(): number {
    const now = this.now();
    this.value = Math.max(0, this.value - ((now - this.at) * this.decayPerSec) / 1000);
    this.at = now;
    return this.value;
  }

  add(amount: number): number {
    this.value = this.current() + amount;
    return this.value;
  }
}
