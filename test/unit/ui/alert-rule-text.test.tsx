// @vitest-environment happy-dom
// Issue 20: an alert the background refuses comes back as a code with its values (lib/alerts/rule-error.ts),
// crosses the messaging boundary as its class, and is said in the page's language: by the alert form, and item by
// item by the options page's import (which used to show "field: English message").
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertRuleError, type AlertRuleProblem } from '../../../lib/alerts/rule-error.ts';
import { parseRule } from '../../../lib/alerts/rules.ts';
import { translator } from '../../../lib/i18n/translate.ts';
import { deserializeError, serializeError } from '../../../lib/messaging/errors.ts';
import { AlertForm } from '../../../lib/ui/AlertForm.tsx';
import { AlertsSettings } from '../../../lib/ui/AlertsSettings.tsx';
import { alertRuleText } from '../../../lib/ui/alert-rule-text.ts';
import { LocaleContext } from '../../../lib/ui/locale.ts';
import { alertActions } from '../../support/alert-actions.ts';

afterEach(cleanup);

const fr = translator('fr');
const en = translator('en');
/** Through JSON, as runtime.sendMessage carries it. */
const across = (e: unknown) => deserializeError(JSON.parse(JSON.stringify(serializeError(e))));

/** Every problem there is, each with the French it must read as (one per code: the switch is exhaustive). */
const FRENCH: [AlertRuleProblem, RegExp][] = [
  [{ code: 'not-object' }, /^Une alerte doit être un objet\.$/],
  [{ code: 'no-id' }, /^L’alerte n’a pas d’identifiant\.$/],
  [{ code: 'symbol' }, /^La paire doit s’écrire comme BTC\/USD\.$/],
  [{ code: 'source' }, /^Le prix utilisé doit être «\u202flast\u202f» ou «\u202fmid\u202f»\.$/],
  [{ code: 'repeat' }, /^La répétition doit être unique/],
  [{ code: 'expiry' }, /^L’expiration doit être une date/],
  [{ code: 'direction' }, /^Le sens doit être au-dessus ou en dessous\.$/],
  [{ code: 'level' }, /^Le niveau doit être un prix positif, comme 90000,5\.$/],
  [{ code: 'rearm-band' }, /^La marge de réarmement doit être un écart de prix/],
  [{ code: 'percent', max: 100 }, /^La variation doit être supérieure à 0 et d’au plus 100\u202f%\.$/],
  [
    { code: 'window', minMinutes: 1, maxDays: 7 },
    /^La durée doit être comprise entre 1\u00a0min et 7\u00a0jours\.$/,
  ],
  [{ code: 'kind' }, /^Une alerte est soit un franchissement de niveau, soit une variation/],
  [{ code: 'missing' }, /^Cette alerte n’existe plus\.$/],
  [{ code: 'not-export' }, /^Ce fichier n’est pas un export d’alertes/],
  [
    { code: 'not-saved', words: 'QuotaExceededError' },
    /^L’alerte n’a pas pu être enregistrée \(réponse du navigateur\u00a0: QuotaExceededError\)\.$/,
  ],
];

describe('an alert refused by the background, in the page’s language', () => {
  it.each(FRENCH)('%j in French', (problem, text) => {
    expect(alertRuleText(problem, fr)).toMatch(text);
  });

  it('every code is said, in both languages, and never as its key', () => {
    for (const [problem] of FRENCH) {
      for (const t of [fr, en]) expect(alertRuleText(problem, t)).not.toMatch(/^alertRule\./);
      expect(alertRuleText(problem, fr)).not.toBe(alertRuleText(problem, en));
    }
  });

  it('the values are said the language’s way (one day, seven days)', () => {
    expect(alertRuleText({ code: 'window', minMinutes: 1, maxDays: 1 }, en)).toBe(
      'The window must be between 1 min and 1 day.',
    );
    expect(alertRuleText({ code: 'window', minMinutes: 1, maxDays: 7 }, en)).toBe(
      'The window must be between 1 min and 7 days.',
    );
  });

  it('parseRule refuses with a code and its values, which cross the boundary as the same class', () => {
    const move = { id: 'a', symbol: 'BTC/USD', source: 'last', repeat: { kind: 'once' }, expiresAt: null };
    let refused: unknown;
    try {
      parseRule({ ...move, kind: 'move', percent: 5, windowMs: 1000 });
    } catch (e) {
      refused = across(e);
    }
    expect(refused).toBeInstanceOf(AlertRuleError);
    expect((refused as AlertRuleError).problem).toEqual({ code: 'window', minMinutes: 1, maxDays: 7 });
    expect(alertRuleText((refused as AlertRuleError).problem, fr)).toMatch(
      /entre 1\u00a0min et 7\u00a0jours/,
    );
  });

  it('the alert form shows the background’s refusal in French, and stays open', async () => {
    const refusal = across(new AlertRuleError({ code: 'level' }));
    const actions = { ...alertActions(), create: vi.fn(async () => Promise.reject(refusal)) };
    const onClose = vi.fn();
    render(
      <LocaleContext.Provider value="fr">
        <AlertForm symbol="BTC/USD" price="90000" actions={actions} onClose={onClose} />
      </LocaleContext.Provider>,
    );
    fireEvent.click(screen.getByTestId('alert-create'));
    await waitFor(() =>
      expect(screen.getByTestId('alert-error').textContent).toBe(
        'Le niveau doit être un prix positif, comme 90000,5.',
      ),
    );
    expect(onClose).not.toHaveBeenCalled();
  });

  it('the options page’s import lists each refused item in French, by its number', async () => {
    const actions = {
      exportJson: vi.fn(async () => '{}'),
      testNotification: vi.fn(async () => 'granted'),
      importJson: vi.fn(async () => ({
        added: 1,
        errors: [
          { index: 1, field: 'level', problem: { code: 'level' } as const },
          { index: 2, field: 'percent', problem: { code: 'percent', max: 100 } as const },
        ],
      })),
    };
    render(
      <LocaleContext.Provider value="fr">
        <AlertsSettings actions={actions} />
      </LocaleContext.Provider>,
    );
    const input = screen.getByTestId('import-alerts') as HTMLInputElement;
    const file = new File(['{"alerts":[]}'], 'alerts.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('n°'));
    const items = [...screen.getByTestId('import-result').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'n°\u00a02\u00a0: Le niveau doit être un prix positif, comme 90000,5.',
      'n°\u00a03\u00a0: La variation doit être supérieure à 0 et d’au plus 100\u202f%.',
    ]);
  });
});
