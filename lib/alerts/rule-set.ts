// The rules in memory, indexed by pair: a tick only visits its own pair's rules (500 alerts over 50 pairs
// → 10 per tick).
import type { AlertRule } from './rules.ts';

export function createRuleSet() {
  let rules: AlertRule[] = [];
  let bySymbol = new Map<string, AlertRule[]>();
  return {
    set(next: AlertRule[]): void {
      rules = next;
      bySymbol = new Map();
      for (const r of rules) bySymbol.set(r.symbol, [...(bySymbol.get(r.symbol) ?? []), r]);
    },
    all: (): readonly AlertRule[] => rules,
    get: (id: string): AlertRule | undefined => rules.find((r) => r.id === id),
    forSymbol: (symbol: string): readonly AlertRule[] => bySymbol.get(symbol) ?? [],
    /** Whether any rule (paused or not) watches this pair. */
    watches: (symbol: string): boolean => bySymbol.has(symbol),
    /** The pairs that need live prices: those of rules that are not paused. */
    activeSymbols: (): string[] => [...new Set(rules.filter((r) => !r.paused).map((r) => r.symbol))],
  };
}

export type RuleSet = ReturnType<typeof createRuleSet>;
