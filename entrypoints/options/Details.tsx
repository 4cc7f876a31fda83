import { useT } from '../../lib/ui/locale.ts';

/**
 * What only someone chasing a problem needs (issue 19: no diagnostics shown to users): closed by default, at the
 * bottom of the page. The counts are the messages the background refused since the browser started.
 */
export function Details({ refused }: { refused: { untrusted: number; malformed: number } }) {
  const t = useT();
  return (
    <details class="details" data-testid="details">
      <summary>{t('options.details')}</summary>
      <p class="hint" data-testid="refused">
        {t('options.details.refused', refused)}
      </p>
    </details>
  );
}
