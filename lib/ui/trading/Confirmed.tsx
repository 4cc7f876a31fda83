import { useT } from '../locale.ts';
import { clockTime } from './format.ts';

/** "Last confirmed by Kraken at hh:mm:ss" under a panel whose live feed is down (null: live, nothing shown). */
export function Confirmed({ at }: { at: number | null }) {
  const t = useT();
  if (at === null) return null;
  return (
    <p class="hint stale-note" data-testid="confirmed-at">
      {at > 0 ? t('stale.confirmedAt', { time: clockTime(at) }) : t('stale.notConfirmed')}
    </p>
  );
}
