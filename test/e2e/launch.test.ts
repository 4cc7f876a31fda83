// Keyboard shortcuts and the address bar's `kr` keyword, driven through the service worker (the browser's
// own keyboard and address bar are out of a test's reach): chrome.commands.onCommand and chrome.omnibox's
// events are dispatched in the worker, whose listeners then open the real toolbar popup (action.openPopup
// works in headless Chromium), which is read over CDP. The address bar's suggestions are what the listener
// hands to `suggest` and setDefaultSuggestion (spied on in the worker, then passed through).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2E,
  lastPrice,
  openOptions,
  openPopup,
  parsePrice,
  setup,
  teardown,
  waitUntil,
} from './harness.ts';
import { attachPopup, type PopupView, popupOpen } from './popup-view.ts';

interface Answer {
  heading: string | null;
  suggestions: { content: string; description: string }[];
}

/** Dispatches a keyboard command to the worker's listeners, as the browser does when its key is pressed. */
async function runCommand(e2e: E2E, name: string): Promise<void> {
  const worker = await e2e.ext.worker();
  await worker.evaluate((command) => {
    const c = (
      globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(...a: unknown[]): void } } } }
    ).chrome;
    c.commands.onCommand.dispatch(command, undefined);
  }, name);
}

/** Types `text` after "kr " as far as the extension can tell: onInputChanged, and what it suggests back. */
async function omniboxChanged(e2e: E2E, text: string): Promise<Answer> {
  const worker = await e2e.ext.worker();
  return worker.evaluate(async (typed) => {
    type Omnibox = {
      setDefaultSuggestion(s: { description: string }): void;
      onInputChanged: { dispatch(text: string, suggest: (s: unknown) => void): void };
    };
    const g = globalThis as unknown as { chrome: { omnibox: Omnibox }; browser?: { omnibox?: Omnibox } };
    const spaces = [g.chrome.omnibox, g.browser?.omnibox].filter((o): o is Omnibox => o !== undefined);
    let heading: string | null = null;
    const originals = spaces.map((o) => o.setDefaultSuggestion);
    spaces.forEach((o, i) => {
      o.setDefaultSuggestion = (s) => {
        heading = s.description;
        originals[i]?.call(o, s);
      };
    });
    try {
      const suggestions = await new Promise<Answer['suggestions']>((resolve) =>
        g.chrome.omnibox.onInputChanged.dispatch(typed, (s) => resolve(s as Answer['suggestions'])),
      );
      return { heading, suggestions };
    } finally {
      spaces.forEach((o, i) => {
        o.setDefaultSuggestion = originals[i] as Omnibox['setDefaultSuggestion'];
      });
    }
  }, text);
}

/** Enters `text` after "kr ", as picking it in the address bar does. */
async function omniboxEntered(e2e: E2E, text: string): Promise<void> {
  const worker = await e2e.ext.worker();
  await worker.evaluate((typed) => {
    const g = globalThis as unknown as {
      chrome: { omnibox: { onInputEntered: { dispatch(text: string, disposition: string): void } } };
    };
    g.chrome.omnibox.onInputEntered.dispatch(typed, 'currentTab');
  }, text);
}

const value = (testid: string) => `document.querySelector('[data-testid="${testid}"]')?.value ?? null`;
const focused = 'document.activeElement?.dataset?.testid ?? null';

describe('keyboard shortcuts and the kr keyword, through the worker', () => {
  let e2e: E2E;
  let tab: Page;
  let popup: PopupView | null = null;

  beforeAll(async () => {
    e2e = await setup();
    tab = await openPopup(e2e.ext);
    await waitUntil(async () => (await lastPrice(tab, 'BTC/USD')) !== null, 15_000, 'prices');
  });
  afterEach(async () => {
    await popup?.close();
    popup = null;
    await waitUntil(async () => !(await popupOpen(e2e.ext)), 5_000, 'the popup to close');
  });
  afterAll(async () => teardown(e2e));

  it('the ticket shortcut opens the popup on the Trade tab, the ticket on the starred pair, ready to type', async () => {
    await runCommand(e2e, 'focus-ticket');
    popup = await attachPopup(e2e.ext);
    await popup.waitFor(`${focused} === 'ticket-amount'`, 'the amount field to have the focus');
    expect(await popup.eval(value('ticket-pair'))).toBe('BTC/USD'); // the badge's (starred) pair
    expect(
      await popup.eval(`document.querySelector('[data-testid="tab-trade"]').getAttribute('aria-selected')`),
    ).toBe('true');
    expect(await popup.eval(value('ticket-amount'))).toBe('');
  });

  it('the side panel shortcut does nothing yet: no popup, no tab, the worker still answers', async () => {
    const pages = e2e.ext.context.pages().length;
    await runCommand(e2e, 'open-side-panel');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await popupOpen(e2e.ext)).toBe(false);
    expect(e2e.ext.context.pages().length).toBe(pages);
    expect((await omniboxChanged(e2e, 'btc')).suggestions.length).toBeGreaterThan(0);
  });

  it('kr btc suggests the BTC pairs with their live prices', async () => {
    const answer = await omniboxChanged(e2e, 'btc');
    expect(answer.suggestions.map((s) => s.content)).toEqual(['BTC/USD', 'ETH/BTC']);
    const [btc, ethBtc] = answer.suggestions;
    // "BTC/USD 97,123.4 (+1.2%): open the ticket", the price the popup shows give or take a tick's move.
    const m = /^BTC\/USD ([\d,]+\.\d) \([+-]?[\d.]+%\): open the ticket$/.exec(btc?.description ?? '');
    expect(m, btc?.description).not.toBeNull();
    const shown = parsePrice((await lastPrice(tab, 'BTC/USD')) ?? '');
    expect(Math.abs(parsePrice(m?.[1] ?? '') - shown) / shown).toBeLessThan(0.01);
    expect(ethBtc?.description).toMatch(/^ETH\/BTC 0\.\d{5} \(/);
    expect(answer.heading).toBe(btc?.description);
  });

  it('bad input gets a suggestion that explains the syntax (escaped for Chrome’s XML descriptions)', async () => {
    expect((await omniboxChanged(e2e, 'buy btc')).heading).toBe(
      'Write: buy 0.01 btc 60000 (without a price: at market).',
    );
    expect((await omniboxChanged(e2e, 'alert btc 5')).heading).toBe(
      'Write: alert btc &gt; 100000 (or &lt; for a fall).',
    );
    expect((await omniboxChanged(e2e, 'buy 0.01 btc 60,000')).heading).toMatch(
      /^The price: “60,000” could be read as thousands or as decimals\./,
    );
    expect((await omniboxChanged(e2e, 'buy 1 nope')).heading).toBe('Kraken lists no pair for “nope”.');
  });

  it('kr buy 0.01 btc 60000 opens the ticket filled in, and nothing is sent without its confirm', async () => {
    const answer = await omniboxChanged(e2e, 'buy 0.01 btc 60000');
    expect(answer.heading).toBe(
      'Buy 0.01 BTC at 60000 USD (limit, BTC/USD): opens the ticket to check and confirm',
    );
    await omniboxEntered(e2e, 'buy 0.01 btc 60000');
    popup = await attachPopup(e2e.ext);
    await popup.waitFor(`${value('ticket-amount')} === '0.01'`, 'the amount filled in');
    expect(await popup.eval(value('ticket-pair'))).toBe('BTC/USD');
    expect(await popup.eval(value('ticket-type'))).toBe('limit');
    expect(await popup.eval(value('ticket-limit'))).toBe('60000');
    expect(
      await popup.eval(
        `document.querySelector('[data-testid="ticket-side-buy"]').getAttribute('aria-pressed')`,
      ),
    ).toBe('true');
    expect(await popup.eval(`document.querySelector('[data-testid="launch-note"]')?.textContent`)).toMatch(
      /^From the address bar: check the order, then preview and confirm it\./,
    );
    await popup.waitFor(`${focused} === 'ticket-amount'`, 'the amount field to have the focus');
    // Nothing placed: no result, no open order, no paper fill.
    await new Promise((r) => setTimeout(r, 500));
    expect(await popup.eval(`document.querySelector('[data-testid="ticket-result"]')`)).toBeNull();
    expect(await popup.eval(`document.querySelectorAll('[data-testid="order-row"]').length`)).toBe(0);
  });

  it('kr alert btc > 100000 opens the alert form filled in', async () => {
    await omniboxEntered(e2e, 'alert btc > 100000');
    popup = await attachPopup(e2e.ext);
    await popup.waitFor(`${value('alert-level')} === '100000'`, 'the level filled in');
    expect(await popup.eval(value('alert-direction'))).toBe('above');
    expect(await popup.eval(`document.querySelector('[data-testid="alert-form"] b')?.textContent`)).toBe(
      'BTC/USD',
    );
    await popup.waitFor(`${focused} === 'alert-level'`, 'the level field to have the focus');
  });

  it('in French: French suggestions, French numbers, and an alert form that shows 0,5 the French way', async () => {
    const options = await openOptions(e2e.ext);
    await options.getByTestId('language').selectOption('fr');
    await options.getByText('Enregistré.').waitFor();
    await options.close();
    expect((await omniboxChanged(e2e, 'achat 0,01 btc 60000')).heading).toBe(
      'Acheter 0,01 BTC à 60000 USD (limite, BTC/USD) : ouvre le bon d’ordre pour vérifier et confirmer',
    );
    expect((await omniboxChanged(e2e, 'achat 1,000 btc')).heading).toMatch(
      /^La quantité : « 1,000 » peut se lire en milliers ou en décimales\./,
    );
    await omniboxEntered(e2e, 'alerte doge < 0,5');
    popup = await attachPopup(e2e.ext);
    await popup.waitFor(`${value('alert-level')} === '0,5'`, 'the level filled in, the French way');
    expect(await popup.eval(value('alert-direction'))).toBe('below');
    expect(await popup.eval('document.documentElement.lang')).toBe('fr');
  });
});
