// Errors that cross from the background say what happened in the page's language, by their code; Kraken's own
// words stay as Kraken wrote them, introduced in that language.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translate.ts';
import { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from '../../../lib/kraken/orders/errors.ts';
import { krakenErrorFrom, transportError } from '../../../lib/kraken/rest/error-from.ts';
import { resolveSymbol } from '../../../lib/market/instruments.ts';
import { deserializeError, serializeError } from '../../../lib/messaging/errors.ts';
import { addToWatchlist, WatchlistError } from '../../../lib/settings/watchlist.ts';
import { OrderRefused, TradingUnavailable } from '../../../lib/trading/errors.ts';
import { noLiveAccount, unavailable } from '../../../lib/trading/no-live.ts';
import { errorText, sendEnding } from '../../../lib/ui/error-text.ts';

const fr = translator('fr');
const en = translator('en');
/** As the popup receives it: serialized by the background, rebuilt by the messaging layer. */
const crossed = (e: Error) => deserializeError(JSON.parse(JSON.stringify(serializeError(e))));

/** What a function throws. */
const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('nothing thrown');
};

describe('errors across the boundary, in French', () => {
  it('a watchlist edit refused by the background names the pair in French', () => {
    const known = new Set(['BTC/USD', 'ETH/USD']);
    expect(errorText(crossed(thrown(() => resolveSymbol('doge/eur', known))), fr)).toBe(
      'Kraken n’a pas de paire «\u202fDOGE/EUR\u202f». Écrivez-la comme BTC/USD.',
    );
    expect(errorText(crossed(thrown(() => resolveSymbol('b@d', known))), fr)).toBe(
      '«\u202fb@d\u202f» n’est pas une paire. Écrivez-la comme BTC/USD.',
    );
    expect(errorText(crossed(thrown(() => addToWatchlist(['BTC/USD'], 'BTC/USD'))), fr)).toBe(
      'BTC/USD est déjà dans la liste.',
    );
    const full = Array.from({ length: 20 }, (_, i) => `A${i}/USD`);
    expect(errorText(crossed(thrown(() => addToWatchlist(full, 'BTC/USD'))), fr)).toBe(
      'La liste tient 20 paires. Retirez-en une d’abord.',
    );
    expect(errorText(crossed(new WatchlistError('not-found', 'x', 'SOL/USD')), en)).toBe(
      'SOL/USD is not on the watchlist.',
    );
  });

  it('Kraken’s refusal: our hint in French, Kraken’s string verbatim', () => {
    const e = crossed(krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], 0));
    expect(errorText(e, fr)).toBe(
      'Votre solde disponible est trop faible pour cet ordre (les fonds retenus par des ordres ouverts ne comptent pas). (réponse de Kraken\u202f: EOrder:Insufficient funds)',
    );
    expect(errorText(e, en)).toMatch(/ \(Kraken said: EOrder:Insufficient funds\)$/);
  });

  it('a transport failure, a paper refusal, trading unavailable and the order endings', () => {
    expect(errorText(crossed(transportError('AddOrder', 'network', 'fetch failed')), fr)).toBe(
      'Impossible de joindre Kraken. Vérifiez la connexion à Internet. (réponse de Kraken\u202f: fetch failed)',
    );
    expect(errorText(crossed(new OrderRefused('EOrder:Order minimum not met', 'Too small.')), fr)).toMatch(
      /^La quantité est inférieure au plus petit ordre .* \(réponse de Kraken\u202f: EOrder:Order minimum not met\)$/,
    );
    expect(errorText(crossed(new TradingUnavailable('locked', 'Unlock the vault.')), fr)).toBe(
      fr('live.locked'),
    );
    // A key for another endpoint: its own reason across the boundary, and its own French text.
    expect(errorText(crossed(unavailable(noLiveAccount('no-key-for-endpoint'))), fr)).toBe(
      'Ajoutez une clé pour ce point d’accès pour trader en réel\u202f; le trading fictif fonctionne en attendant.',
    );
    expect(errorText(crossed(unavailable(noLiveAccount('no-key'))), fr)).toBe(
      'Ajoutez une clé d’API dans les réglages pour trader en réel.',
    );
    expect(errorText(crossed(new OrderExpired('c1', 'never-sent')), fr)).toMatch(
      /^Non passé\u202f: il n’a jamais/,
    );
    expect(errorText(crossed(new ForeignIntent('c1')), fr)).toMatch(
      /^Cet ordre a été confirmé pour une autre clé/,
    );
    const unknown = sendEnding(crossed(new OrderOutcomeUnknown('c1', 'socket closed')), 'live', fr);
    expect(unknown).toEqual({ kind: 'unknown', message: fr('error.outcomeUnknown') });
    expect(unknown.message).toMatch(/^Kraken n’a pas dit si cet ordre a été passé/);
  });

  it('every Kraken error code has its own hint in both languages', () => {
    const codes = [
      'EAPI:Invalid key',
      'EAPI:Invalid nonce',
      'EOrder:Insufficient funds',
      'EService:Unavailable',
      'EGeneral:Internal error',
      'ESomething:New',
    ];
    for (const code of codes) {
      const e = krakenErrorFrom('AddOrder', [code], 0);
      const [frText, enText] = [errorText(e, fr), errorText(e, en)];
      expect(frText).not.toBe(enText);
      expect(`${frText} ${enText}`).not.toMatch(/krakenError\.|error\.kraken|[{}]/);
    }
  });
});
