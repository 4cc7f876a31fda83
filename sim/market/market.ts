import type { Clock } from '../clock.ts';
import { type Listing, listing as listingOf } from '../data/listing.ts';
import { seedHistory } from './history.ts';
import { PairMarket, type PairStep } from './pair-market.ts';
import { deriveSeed, Rng } from './random.ts';
import { Sizing } from './sizing.ts';
import { StatusBoard } from './status-board.ts';

export interface MarketStep {
  /** 1 for the first step after start. */
  readonly index: number;
  readonly nowNs: bigint;
  readonly pairs: readonly PairStep[];
}

export type StepListener = (step: MarketStep) => void;

/**
 * All simulated pairs. Each pair draws from its own seeded streams (one for its past, one for live steps),
 * so pairs never perturb each other and `--seed` reproduces every pair independently.
 */
export class Market {
  /** Exchange and pair statuses (`POST /_sim/status`). */
  readonly status = new StatusBoard();
  private readonly bySymbol = new Map<string, PairMarket>();
  private readonly listeners = new Set<StepListener>();
  private stepIndex = 0;

  constructor(
    seed: number,
    private readonly clock: Clock,
    /** Which pairs and assets this simulator lists (`--pairs`); the six default ones unless told. */
    readonly listing: Listing = listingOf(6),
  ) {
    const nowNs = clock.nowNs();
    for (const spec of listing.pairs) {
      const i = spec.streamIndex;
      const sizing = new Sizing(spec);
      const history = seedHistory(spec, sizing, new Rng(deriveSeed(seed, i)), nowNs);
      const live = new Rng(deriveSeed(seed, 1000 + i));
      this.bySymbol.set(spec.symbol, new PairMarket(spec, sizing, live, history, nowNs));
    }
  }

  /** The pair with this WS v2 symbol. */
  pair(symbol: string): PairMarket | undefined {
    return this.bySymbol.get(symbol);
  }

  pairs(): IterableIterator<PairMarket> {
    return this.bySymbol.values();
  }

  nowNs(): bigint {
    return this.clock.nowNs();
  }

  /** Advances every pair one step and tells the listeners (the WS gateway). */
  step(): MarketStep {
    const nowNs = this.clock.nowNs();
    this.stepIndex += 1;
    const pairs = [...this.bySymbol.values()].map((pair) => pair.step(nowNs));
    const step: MarketStep = { index: this.stepIndex, nowNs, pairs };
    for (const listener of this.listeners) listener(step);
    return step;
  }

  onStep(listener: StepListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
