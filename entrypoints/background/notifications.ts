// Alert delivery through the notifications API. Chrome shows two buttons (open the pair on Kraken, snooze);
// Firefox takes no buttons, so there a click on the notification opens the popup, whose alert row offers
// the same two actions (lib/alerts/notification.ts).
// Every text is in the person's language (notify-text.ts), chosen when the notification is shown.
import { browser } from 'wxt/browser';
import { alertNotification, krakenTradeUrl, SNOOZE_MS } from '../../lib/alerts/notification.ts';
import type { AlertRule } from '../../lib/alerts/rules.ts';
import type { AlertService } from '../../lib/alerts/service.ts';
import type { AlertLogEntry } from '../../lib/db/schema.ts';
import { browserLanguages, type LanguageSetting } from '../../lib/i18n/locales.ts';
import type { FillView } from '../../lib/orders/types.ts';
import type { TradingMode } from '../../lib/trading/types.ts';
import { noteNotification } from './diagnostics.ts';
import {
  alertButtons,
  alertText,
  autoLockText,
  fillText,
  type Speaker,
  speakerOf,
  testText,
} from './notify-text.ts';

const PREFIX = 'alert:';

/**
 * Chosen by build target, not by trying: nothing tells an extension which NotificationOptions a browser
 * takes short of a failed `create`, and each build ships to one browser (`wxt build -b firefox` sets
 * `import.meta.env.FIREFOX`, https://wxt.dev/guide/essentials/config/environment-variables). A failed
 * `create` stays what it is, a failure: logged, counted and shown in the alert log (lib/alerts/pipeline.ts).
 */
const BUTTONS = !import.meta.env.FIREFOX;

/** Who speaks: the language setting, or the browser's language when it says `auto`. */
const speaker = (language: LanguageSetting): Speaker => speakerOf(language, browserLanguages(browser.i18n));

export async function showAlert(
  entry: AlertLogEntry,
  rule: AlertRule | undefined,
  language: LanguageSetting,
): Promise<void> {
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  const id = `${PREFIX}${entry.ruleId}:${entry.at}`;
  const words = speaker(language);
  noteNotification(id);
  await browser.notifications.create(
    id,
    alertNotification(
      { ...alertText(entry, rule, words), buttons: alertButtons(words) },
      { iconUrl, buttons: BUTTONS },
    ),
  );
}

export async function showTestNotification(language: LanguageSetting): Promise<string> {
  await browser.notifications.create(`${PREFIX}test:${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ...testText(speaker(language)),
  });
  return (await browser.notifications.getPermissionLevel?.()) ?? 'granted';
}

/** Registered synchronously in main(): clicks may be what wakes the worker. */
export function registerNotificationHandlers(
  alerts: Promise<AlertService>,
  /** Brings the alert's pair forward in the popup that is about to open. */
  focus: (symbol: string) => void,
): void {
  const parse = (id: string) => {
    if (!id.startsWith(PREFIX)) return null;
    const [ruleId = '', at = ''] = id.slice(PREFIX.length).split(':');
    return { ruleId, at: Number(at) };
  };
  // Without buttons (Firefox) there is nothing to listen to.
  if (BUTTONS)
    browser.notifications.onButtonClicked.addListener(async (id, button) => {
      const target = parse(id);
      if (!target || target.ruleId === 'test') return;
      const service = await alerts;
      const rule = (await service.view()).rules.find((r) => r.rule.id === target.ruleId)?.rule;
      if (!rule) return;
      if (button === 0) await browser.tabs.create({ url: krakenTradeUrl(rule.symbol) });
      else await service.update(rule.id, { snoozedUntil: Date.now() + SNOOZE_MS });
      await browser.notifications.clear(id);
    });
  browser.notifications.onClicked.addListener(async (id) => {
    const target = parse(id);
    if (!target) return;
    await browser.notifications.clear(id);
    const rule = (await (await alerts).view()).rules.find((r) => r.rule.id === target.ruleId)?.rule;
    if (rule) focus(rule.symbol);
    // Opening the popup programmatically needs Chrome 127+, and in Firefox a user action, which a click on
    // a notification is not (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/User_actions):
    // otherwise the popup opens in a tab, the pair highlighted, its alert row offering snooze and Kraken.
    await browser.action
      .openPopup?.()
      .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
  });
}

/** One notification per fill, partial or full; the id is Kraken's exec_id, so a fill is never shown twice. */
export async function showFill(fill: FillView, mode: TradingMode, language: LanguageSetting): Promise<void> {
  noteNotification(`fill:${fill.id}`);
  await browser.notifications.create(`fill:${fill.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ...fillText(fill, mode, speaker(language)),
    priority: 1,
  });
}

/**
 * A minute before an auto-lock that would turn the dead man's switch off: say so, so locking never disarms
 * it silently. Any use of the extension (opening the popup) pushes the lock out.
 */
export async function showAutoLockWarning(language: LanguageSetting): Promise<void> {
  await browser.notifications.create(`autolock:${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ...autoLockText(speaker(language)),
    priority: 2,
  });
}
