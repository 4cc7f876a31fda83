// Keyboard shortcuts and the address bar (`kr …`): each one puts what the popup should open with in the
// launch box (lib/launch/pending.ts), then opens the popup. Both synchronously, inside the browser's event:
// Firefox lets action.openPopup() and sidebarAction.open() run only from a user action's handler, before any
// await (MDN, "User actions": commands.onCommand since Firefox 63, picking an omnibox suggestion since 142).
// Where the popup cannot open (no focused window, an older Firefox) the same page opens in a tab; either way
// the page takes the launch over the messaging contract (`launch.take`), never from its URL.
import { browser } from 'wxt/browser';
import { browserLanguages, type LanguageSetting, resolveLocale } from '../../lib/i18n/locales.ts';
// The background speaks both languages, whatever the setting says at the time: all of them, loaded at once.
import '../../lib/i18n/all.ts';
import { translator } from '../../lib/i18n/translate.ts';
import { COMMAND } from '../../lib/launch/commands.ts';
import { parseOmnibox } from '../../lib/launch/omnibox-parse.ts';
import { answer, entered } from '../../lib/launch/omnibox-suggest.ts';
import type { LaunchBox } from '../../lib/launch/pending.ts';
import type { Launch } from '../../lib/launch/types.ts';
import type { Services } from './services.ts';

function localeOf(setting: LanguageSetting) {
  const locale = resolveLocale(setting, browserLanguages(browser.i18n));
  return { locale, t: translator(locale) };
}

/** The toolbar popup, or the same page in a tab where the browser will not open the popup now. */
function showPopup(): void {
  const tab = () => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  let opening: Promise<unknown>;
  try {
    opening = browser.action.openPopup();
  } catch (error) {
    opening = Promise.reject(error);
  }
  opening.catch((error: unknown) => {
    console.info('[launch] the popup did not open; opening it in a tab', String(error));
    return tab();
  });
}

/**
 * The side panel, where this build has one: Chrome's `side_panel` (sidePanel.open needs the window and a user
 * gesture, https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open) or Firefox's
 * `sidebar_action`. Without one (this version) the shortcut does nothing and says so in the console.
 */
function openSidePanel(windowId: number | undefined): 'chrome' | 'firefox' | 'none' {
  const manifest = browser.runtime.getManifest() as { side_panel?: unknown; sidebar_action?: unknown };
  const api = browser as unknown as {
    sidePanel?: { open(options: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const failed = (error: unknown) => console.warn('[launch] the side panel did not open', String(error));
  if (manifest.side_panel && api.sidePanel && windowId !== undefined) {
    api.sidePanel.open({ windowId }).catch(failed);
    return 'chrome';
  }
  if (manifest.sidebar_action && api.sidebarAction) {
    api.sidebarAction.open().catch(failed);
    return 'firefox';
  }
  console.info('[launch] no side panel in this version: the shortcut does nothing');
  return 'none';
}

export function registerLaunchers(ready: Promise<Services>, launches: LaunchBox): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND.focusTicket) {
      launches.put(
        ready.then((s): Launch => {
          const { badgePair, watchlist, language } = s.settings.current();
          const symbol = badgePair ?? watchlist[0];
          return symbol
            ? { kind: 'ticket', symbol, order: null }
            : { kind: 'failed', reason: localeOf(language).t('launch.noPair') };
        }),
      );
      showPopup();
    } else if (command === COMMAND.sidePanel) {
      openSidePanel(tab?.windowId);
    }
  });

  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void ready.then((s) => {
      const { locale, t } = localeOf(s.settings.current().language);
      const { heading, suggestions } = answer(parseOmnibox(text, locale), s.market.snapshot(), t, locale);
      browser.omnibox.setDefaultSuggestion({ description: markup(heading) });
      suggest(suggestions.map((x) => ({ content: x.content, description: markup(x.description) })));
    });
  });

  browser.omnibox.onInputEntered.addListener((text) => {
    launches.put(
      ready.then(async (s) => {
        const { locale, t } = localeOf(s.settings.current().language);
        const { launch, addToWatchlist } = entered(parseOmnibox(text, locale), s.market.snapshot(), t);
        // The ticket trades watchlist pairs: a pair named in the address bar joins the list (as "Add" would).
        if (addToWatchlist) await s.settings.addPair(addToWatchlist);
        return launch;
      }),
    );
    showPopup();
  });
}

/**
 * Chrome reads a suggestion's description as XML (<match>, <dim>, <url>): the text's own "<", ">" and "&" are
 * escaped (https://developer.chrome.com/docs/extensions/reference/api/omnibox#type-SuggestResult). Firefox
 * shows the text as it is.
 */
const markup = (text: string): string =>
  import.meta.env.FIREFOX
    ? text
    : text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
