// The popup's "Open in side panel" failing, in the page's language (issue 20): a browser without a side panel has
// its own text; any other failure shows the browser's own words (English in any page) inside a French sentence.
import { describe, expect, it } from 'vitest';
import {
  openSidePanel,
  sidePanelFailure,
  sidePanelFailureText,
} from '../../../entrypoints/popup/side-panel.ts';
import { translator } from '../../../lib/i18n/translate.ts';

const fr = translator('fr');
const en = translator('en');

describe('the side panel that cannot open', () => {
  it('a browser error: its words as they came, inside a French sentence', () => {
    const failure = sidePanelFailure(new Error('No active side panel for windowId: 3'));
    expect(failure).toEqual({ kind: 'browser', words: 'No active side panel for windowId: 3' });
    expect(sidePanelFailureText(failure, fr)).toBe(
      'Le panneau latéral ne s’est pas ouvert (réponse du navigateur\u202f: No active side panel for windowId: 3)',
    );
    expect(sidePanelFailureText(failure, en)).toBe(
      'The side panel did not open (the browser said: No active side panel for windowId: 3)',
    );
  });

  it('no side panel at all: its own text in each language', async () => {
    // No window to open it in, and no Firefox sidebar (the test's browser has none): the popup's own refusal.
    expect(await openSidePanel(undefined).then(() => 'opened', sidePanelFailure)).toEqual({ kind: 'none' });
    expect(sidePanelFailureText({ kind: 'none' }, fr)).toBe(
      'Ce navigateur n’a pas de panneau latéral pour les extensions.',
    );
    expect(sidePanelFailureText({ kind: 'none' }, en)).toBe('This browser has no side panel for extensions.');
  });
});
