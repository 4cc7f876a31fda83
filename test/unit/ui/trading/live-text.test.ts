// The mode bar's live status and dead man's switch, in the page's language (issue 20): the background sends codes
// and Kraken's words (lib/trading/types.ts), never an English sentence a French page would show as it came.
import { describe, expect, it } from 'vitest';
import { krakenErrorFrom } from '../../../../lib/kraken/index.ts';
import { failureOf } from '../../../../lib/trading/failure.ts';
import { noLiveAccount } from '../../../../lib/trading/no-live.ts';
import type { LiveStatus } from '../../../../lib/trading/types.ts';
import { wordsOf } from '../../../../lib/ui/trading/format.ts';
import { deadManDetail, deadManText, liveStatusText } from '../../../../lib/ui/trading/live-text.ts';

const fr = wordsOf('fr');
const invalidKey = krakenErrorFrom('GetWebSocketsToken', ['EAPI:Invalid key'], 0);
const noToken = (error: unknown): LiveStatus => ({
  kind: 'error',
  problem: { code: 'no-token', failure: failureOf(error) },
  retryAt: 0,
});

describe('live status', () => {
  it('words each status in English', () => {
    expect(liveStatusText(noLiveAccount('no-key'))).toBe('Add an API key in Settings to trade live.');
    expect(liveStatusText(noLiveAccount('no-key-for-endpoint'))).toBe(
      'Add a key for this endpoint to trade live; paper trading works meanwhile.',
    );
    expect(liveStatusText(noLiveAccount('locked'))).toBe('Unlock the vault to trade live.');
    expect(liveStatusText({ kind: 'connecting' })).toBe('Connecting to Kraken…');
    expect(liveStatusText({ kind: 'ready' })).toBe('Live trading ready');
  });

  it('words each status in French, the key for another endpoint with its own text', () => {
    expect(liveStatusText(noLiveAccount('no-key'), fr)).toBe(
      'Ajoutez une clé d’API dans les réglages pour trader en réel.',
    );
    expect(liveStatusText(noLiveAccount('no-key-for-endpoint'), fr)).toBe(
      'Ajoutez une clé pour ce point d’accès pour trader en réel\u202f; le trading fictif fonctionne en attendant.',
    );
    expect(liveStatusText(noLiveAccount('locked'), fr)).toBe('Déverrouillez le coffre pour trader en réel.');
    expect(liveStatusText({ kind: 'connecting' }, fr)).toBe('Connexion à Kraken…');
  });

  it('a token Kraken refused: our hint in French, Kraken’s words as it sent them', () => {
    expect(liveStatusText(noToken(invalidKey), fr)).toBe(
      'Kraken n’a pas donné de jeton pour le flux privé (ordres ouverts, exécutions)\u00a0: ' +
        `Kraken ne reconnaît pas cette clé d’API. Vérifiez qu’elle a été copiée en entier et n’a pas été supprimée. (réponse de Kraken\u202f: EAPI:Invalid key)`,
    );
    expect(liveStatusText(noToken(invalidKey))).toBe(
      'Kraken did not give a token for the private feed (open orders, fills): Kraken does not recognise this ' +
        'API key. Check that it was copied whole and has not been deleted. (Kraken said: EAPI:Invalid key)',
    );
  });

  it('a token that failed for another reason: its own words inside a French sentence', () => {
    expect(liveStatusText(noToken(new DOMException('The operation was aborted.', 'AbortError')), fr)).toBe(
      'Kraken n’a pas donné de jeton pour le flux privé (ordres ouverts, exécutions)\u00a0: ' +
        'une erreur inattendue (The operation was aborted.)',
    );
  });

  it('the private feed refused (close 1008): in French, with Kraken’s close reason when it gave one', () => {
    const refused = (words: string): LiveStatus => ({
      kind: 'error',
      problem: { code: 'feed-refused', words },
    });
    expect(liveStatusText(refused('Too many connections'), fr)).toBe(
      'Kraken a refusé le flux privé (ordres ouverts, exécutions). (réponse de Kraken\u202f: Too many connections)',
    );
    expect(liveStatusText(refused(''), fr)).toBe(
      'Kraken a refusé le flux privé (ordres ouverts, exécutions).',
    );
  });
});

describe('the dead man’s switch', () => {
  it('says whether the switch is armed, and whenever it is not "off", when Kraken would cancel', () => {
    const at = new Date(2026, 0, 1, 14, 3, 7).getTime();
    expect(deadManText({ kind: 'off' }, 0)).toBe('off');
    expect(deadManText({ kind: 'armed', triggerAt: at, refreshedAt: at - 60_000 }, at - 59_500)).toBe(
      'armed · refreshed just now · Kraken cancels all orders at 14:03:07 (in 60 s) if the extension stops',
    );
    expect(deadManText({ kind: 'armed', triggerAt: at, refreshedAt: 1000 }, 21_000)).toContain(
      'refreshed 20 s ago',
    );
    expect(
      deadManText({ kind: 'refresh-failing', triggerAt: at, refreshedAt: 0, error: 'Failed to fetch' }, 0),
    ).toBe('could not be refreshed. Kraken will cancel all your orders at 14:03:07 unless this recovers');
    expect(
      deadManText({ kind: 'disarming', triggerAt: at, attempts: 2, error: 'EService:Unavailable' }, 0),
    ).toBe(
      'still armed, retrying. Kraken will cancel all your orders at 14:03:07 unless turning it off gets through',
    );
    // The technical reason is kept for a "details" line, never the headline.
    expect(
      deadManDetail({ kind: 'refresh-failing', triggerAt: at, refreshedAt: 0, error: 'Failed to fetch' }),
    ).toBe('Failed to fetch');
    expect(deadManText({ kind: 'lapsed', at }, 0)).toContain('Kraken cancelled your open orders');
  });

  it('Kraken refused to arm it: our hint in the page’s language, Kraken’s words as sent', () => {
    const denied = krakenErrorFrom('CancelAllOrdersAfter', ['EGeneral:Permission denied'], 0);
    const view = { kind: 'arm-failed', failure: failureOf(denied) } as const;
    expect(deadManText(view, 0, fr)).toBe(
      `n’a pas pu être activé\u00a0: Cette clé d’API n’a pas l’autorisation pour cette action. Activez-la dans les réglages de la clé sur Kraken. (réponse de Kraken\u202f: EGeneral:Permission denied)`,
    );
    expect(deadManText(view, 0)).toMatch(
      /^could not be armed: .* \(Kraken said: EGeneral:Permission denied\)$/,
    );
  });
});
