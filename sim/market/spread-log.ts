/** Top-of-book history for REST Spread ("the last ~200 top-of-book spreads", official OpenAPI). */
export interface SpreadEntry {
  /** Unix seconds. */
  readonly time: number;
  readonly bidTick: number;
  readonly askTick: number;
}

const KEEP = 200;

export class SpreadLog {
  private entries: SpreadEntry[] = [];

  record(entry: SpreadEntry): void {
    this.entries.push(entry);
    if (this.entries.length > KEEP * 2) this.entries = this.entries.slice(-KEEP);
  }

  /** Up to the last 200 entries with time > since (all of them when since is undefined). */
  since(since: number | undefined): readonly SpreadEntry[] {
    const recent = this.entries.slice(-KEEP);
    return since === undefined ? recent : recent.filter((entry) => entry.time > since);
  }
}
