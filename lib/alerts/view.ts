// What the popup shows of the alerts: each rule's status (the page writes the rule in its language:
// lib/ui/alert-text.ts), and the log line of a firing.

import type { Firing, RuleState } from './engine.ts';
import { type AlertRule, describeRule } from './rules.ts';
import type { AlertLogEntry, AlertRuleView, RuleStatus } from './types.ts';

export function statusOf(rule: AlertRule, state: RuleState | undefined, now: number): RuleStatus {
  if (state?.done) return 'done';
  if (rule.paused) return 'paused';
  if (rule.snoozedUntil !== null && now < rule.snoozedUntil) return 'snoozed';
  return state && !state.armed ? 'waiting-to-rearm' : 'armed';
}

export function ruleView(rule: AlertRule, state: RuleState | undefined, now: number): AlertRuleView {
  return {
    rule,
    status: statusOf(rule, state, now),
    fires: state?.fires ?? 0,
    lastFiredAt: state?.lastFiredAt ?? null,
  };
}

/** "14:02" in the user's time zone. */
const hhmm = (t: number) =>
  new Date(t).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A firing for the log. Its `text` is in signs ("BTC/USD > 90000: 90012.5 · 14:02", "… (+5.12 %) · 03:10"):
 * the words for when its rule is gone. The popup writes the line in its language from the entry and the rule
 * (lib/ui/alert-text.ts), the notification too.
 */
export function logEntry(firing: Firing, rule: AlertRule): AlertLogEntry {
  const move =
    firing.changePct === undefined
      ? ''
      : ` (${firing.changePct > 0 ? '+' : ''}${firing.changePct.toFixed(2)} %)`;
  return {
    ruleId: rule.id,
    symbol: rule.symbol,
    text: `${describeRule(rule)}: ${firing.price}${move} · ${hhmm(firing.at)}`,
    price: firing.price,
    at: firing.at,
    offline: firing.offline,
    ...(firing.changePct === undefined ? {} : { changePct: firing.changePct }),
  };
}
