// What an alert notification looks like in each browser, and how a failure to show one is told. Pure: the
// background (entrypoints/background/notifications.ts) passes in what the browser supports.

/** "Snooze 1 hour": from a notification button (Chrome) or the popup's alert row (every browser). */
export const SNOOZE_MS = 60 * 60_000;

/** Kraken's trade page for a pair, e.g. BTC/USD → https://pro.kraken.com/app/trade/btc-usd */
export const krakenTradeUrl = (symbol: string): string =>
  `https://pro.kraken.com/app/trade/${symbol.toLowerCase().replace('/', '-')}`;

export interface AlertNotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  priority: 2;
  buttons?: { title: string }[];
}

/**
 * The `notifications.create` options of a firing. `buttons` only where the browser takes them: Firefox
 * "only supports the type, title, message, and iconUrl properties" and rejects the whole call when
 * `buttons` is present ("Property "buttons" is unsupported by Firefox"; `priority` is accepted and ignored).
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/notifications/NotificationOptions
 * There the two actions live in the popup's alert row, which a click on the notification opens.
 */
export function alertNotification(
  text: {
    title: string;
    message: string;
    /** "Open on Kraken", "Snooze 1 hour": in the order notifications.onButtonClicked reports their index. */
    buttons: readonly [string, string];
  },
  browser: { iconUrl: string; buttons: boolean },
): AlertNotificationOptions {
  return {
    type: 'basic',
    iconUrl: browser.iconUrl,
    title: text.title,
    message: text.message,
    priority: 2,
    ...(browser.buttons ? { buttons: text.buttons.map((title) => ({ title })) } : {}),
  };
}

const REASON_MAX = 200;

/**
 * Why a notification could not be shown, for the log line and the console: the browser's own message
 * (e.g. `Property "buttons" is unsupported by Firefox`), never the alert's text, pair or price.
 */
export function notifyFailureReason(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const reason = raw.replace(/\s+/g, ' ').trim() || 'the browser gave no reason';
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
}

/** The line the alert log shows for a firing whose notification could not be shown. */
export const notShownText = (reason: string): string => `the notification could not be shown: ${reason}`;
