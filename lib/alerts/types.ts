// The alert service's view types (what the popup and the options page are sent) and its inputs.

import type { AlertRuleProblem } from './rule-error.ts';
import type { AlertRule } from './rules.ts';

/** One 1-minute candle (REST OHLC), prices as numbers. */
/** One line of the alert log (the popup shows the last 100). */
export interface AlertLogEntry {
  seq?: number;
  ruleId: string;
  symbol: string;
  text: string;
  price: number;
  at: number;
  offline: boolean;
  /** A % move's size when it fired (a value, no schema upgrade): the notification says it. */
  changePct?: number;
  /** The firing's notification could not be shown: the browser's reason (a value, no schema upgrade). */
  notifyError?: string;
}

export interface Candle {
  /** Candle open time, ms. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export type RuleStatus = 'armed' | 'waiting-to-rearm' | 'paused' | 'snoozed' | 'done';

export interface AlertRuleView {
  rule: AlertRule;
  status: RuleStatus;
  fires: number;
  lastFiredAt: number | null;
}

export interface AlertsView {
  rules: AlertRuleView[];
  log: AlertLogEntry[];
  /** Firings whose notification could not be shown, ever (each also says so in its log entry). */
  notifyFailures: number;
}

export interface ImportResult {
  added: number;
  /** Each refused item (index -1: the file itself): the field and why, as a code the page says. */
  errors: { index: number; field: string; problem: AlertRuleProblem }[];
}

/** Something read from storage was unusable; the service went on without it and says so. */
export type AlertProblem =
  /** A rule record failed its checks: skipped, left in storage untouched. */
  | { kind: 'rule-skipped'; reason: string }
  /** A rule's state record failed its checks: kept under `key`, the rule starts over from a fresh state. */
  | { kind: 'state-set-aside'; ruleId: string; key: string; reason: string }
  /** The per-pair "last seen" record failed its checks: the bad entries are ignored (no catch-up for them). */
  | { kind: 'seen-ignored'; reason: string }
  /** Entries of the outbox that are not firings: left in storage as they are, not shown. */
  | { kind: 'pending-ignored'; count: number };
