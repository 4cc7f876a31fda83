// What the mode bar (and the ticket) say about live trading and the dead man's switch, in the page's language
// (issue 20): the background sends codes (lib/trading/types.ts `LiveStatus`, `DeadManView`) and Kraken's own words,
// shown as they came beside our hint ("… (Kraken said: EAPI:Invalid key)"). Apart from format.ts so that these
// texts load with the Trade tab (the `trade` area), not with the popup (bench row popup-js).
import type { Translate } from '../../i18n/translate.ts';
import type { DeadManView, Failure, LiveProblem, LiveStatus } from '../../trading/types.ts';
import { clockTime, ENGLISH, formatAge, type Words } from './format.ts';

/** A failure in words: our hint for Kraken's code with Kraken's words beside it, or the error's own words. */
export function failureText(failure: Failure, t: Translate): string {
  if (failure.kraken === null) return t('failure.other', { words: failure.words });
  const hint = t(`krakenError.${failure.kraken}`);
  return failure.words ? t('error.kraken', { hint, words: failure.words }) : hint;
}

function problemText(problem: LiveProblem, t: Translate): string {
  switch (problem.code) {
    case 'feed-refused': {
      const hint = t('live.feedRefused');
      return problem.words ? t('error.kraken', { hint, words: problem.words }) : hint;
    }
    case 'no-token':
      return t('live.noToken', { why: failureText(problem.failure, t) });
    default: {
      const never: never = problem;
      throw new RangeError(`unknown live problem ${JSON.stringify(never)}`);
    }
  }
}

/** What the mode bar says about live trading. */
export function liveStatusText(status: LiveStatus, w: Words = ENGLISH): string {
  const { t } = w;
  switch (status.kind) {
    case 'no-key':
      return status.otherEndpoint ? t('live.noKeyForEndpoint') : t('live.noKey');
    case 'locked':
      return t('live.locked');
    case 'connecting':
      return t('live.connecting');
    case 'ready':
      return t('live.ready');
    case 'error':
      return problemText(status.problem, t);
    default: {
      const never: never = status;
      throw new RangeError(`unknown live status ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The dead man's switch line. "Off" only once Kraken confirmed it; every other state says when Kraken would
 * cancel all open orders, so a failure is never mistaken for safety.
 */
export function deadManText(view: DeadManView, now: number, w: Words = ENGLISH): string {
  const { t } = w;
  switch (view.kind) {
    case 'off':
      return t('deadMan.off');
    case 'arming':
      return t('deadMan.arming');
    case 'armed': {
      const left = Math.max(0, Math.ceil((view.triggerAt - now) / 1000));
      const age = now - view.refreshedAt;
      const refreshed =
        age < 1000 ? t('deadMan.refreshedNow') : t('deadMan.refreshed', { age: formatAge(age, w) });
      return t('deadMan.armed', { refreshed, at: clockTime(view.triggerAt), left });
    }
    case 'refresh-failing':
      return t('deadMan.failing', { at: clockTime(view.triggerAt) });
    case 'disarming':
      return t('deadMan.disarming', { at: clockTime(view.triggerAt) });
    case 'lapsed':
      return t('deadMan.lapsed', { at: clockTime(view.at) });
    case 'arm-failed':
      return t('deadMan.armFailed', { why: failureText(view.failure, t) });
    default: {
      const never: never = view;
      throw new RangeError(`unknown dead man view ${JSON.stringify(never)}`);
    }
  }
}

/** The technical reason behind a failing dead man's switch, for a "details" line (never the headline). */
export function deadManDetail(view: DeadManView): string | null {
  if (view.kind === 'refresh-failing') return view.error;
  if (view.kind === 'disarming') return view.error ?? null;
  return null;
}
