// Why the background refused an alert, in the page's language (issue 20): the problem comes as a code with its
// values (lib/alerts/rule-error.ts); its texts are the `alertRules` area, loaded with the alert form and by the
// options page (lib/i18n/areas.ts), not with the popup.
import type { AlertRuleProblem } from '../alerts/rule-error.ts';
import type { Translate } from '../i18n/translate.ts';

export function alertRuleText(problem: AlertRuleProblem, t: Translate): string {
  switch (problem.code) {
    case 'not-object':
      return t('alertRule.not-object');
    case 'no-id':
      return t('alertRule.no-id');
    case 'symbol':
      return t('alertRule.symbol');
    case 'source':
      return t('alertRule.source');
    case 'repeat':
      return t('alertRule.repeat');
    case 'expiry':
      return t('alertRule.expiry');
    case 'direction':
      return t('alertRule.direction');
    case 'level':
      return t('alertRule.level');
    case 'rearm-band':
      return t('alertRule.rearm-band');
    case 'percent':
      return t('alertRule.percent', { max: problem.max });
    case 'window':
      return t('alertRule.window', { minMinutes: problem.minMinutes, count: problem.maxDays });
    case 'kind':
      return t('alertRule.kind');
    case 'missing':
      return t('alertRule.missing');
    case 'not-export':
      return t('alertRule.not-export');
    case 'not-saved':
      return t('alertRule.not-saved', { words: problem.words });
    default: {
      const never: never = problem;
      return String(never);
    }
  }
}
