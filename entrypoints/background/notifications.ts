// Alert delivery through chrome.notifications: buttons to open the pair on Kraken and to snooze.
import { browser } from 'wxt/browser';
import type { AlertService } from '../../lib/alerts/service.ts';
import type { AlertLogEntry } from '../../lib/db/schema.ts';
import type { FillView, TradingMode } from '../../lib/trading/types.ts';
import { noteNotification } from './diagnostics.ts';

const PREFIX = 'alert:';
const SNOOZE_MS = 60 * 60_000;

/** Kraken's trade page for a pair, e.g. BTC/USD → https://pro.kraken.com/app/trade/btc-usd */
const krakenUrl = (symbol: string) =>
  `https://pro.kraken.com/app/trade/${symbol.toLowerCase().replace('/', '-')}`;

export async function showAlert(entry: AlertLogEntry): Promise<void> {
  const [title = entry.text, detail = ''] = entry.text.split(': ');
  const id = `${PREFIX}${entry.ruleId}:${entry.at}`;
  noteNotification(id);
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: detail,
    priority: 2,
    buttons: [{ title: 'Open on Kraken' }, { title: 'Snooze 1 hour' }],
  });
}

export async function showTestNotification(): Promise<string> {
  await browser.notifications.create(`${PREFIX}test:${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Kraken Trader',
    message: 'Alerts will look like this.',
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
  browser.notifications.onButtonClicked.addListener(async (id, button) => {
    const target = parse(id);
    if (!target || target.ruleId === 'test') return;
    const service = await alerts;
    const rule = (await service.view()).rules.find((r) => r.rule.id === target.ruleId)?.rule;
    if (!rule) return;
    if (button === 0) await browser.tabs.create({ url: krakenUrl(rule.symbol) });
    else await service.update(rule.id, { snoozedUntil: Date.now() + SNOOZE_MS });
    await browser.notifications.clear(id);
  });
  browser.notifications.onClicked.addListener(async (id) => {
    const target = parse(id);
    if (!target) return;
    await browser.notifications.clear(id);
    const rule = (await (await alerts).view()).rules.find((r) => r.rule.id === target.ruleId)?.rule;
    if (rule) focus(rule.symbol);
    // Opening the popup programmatically needs Chrome 127+; otherwise show it in a tab.
    await browser.action
      .openPopup?.()
      .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
  });
}

/** One notification per fill, partial or full; the id is Kraken's exec_id, so a fill is never shown twice. */
export async function showFill(fill: FillView, mode: TradingMode): Promise<void> {
  const what = `${fill.side === 'buy' ? 'Bought' : 'Sold'} ${fill.qty} ${fill.symbol.split('/')[0] ?? ''}`;
  noteNotification(`fill:${fill.id}`);
  await browser.notifications.create(`fill:${fill.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${fill.complete ? 'Order filled' : 'Order partly filled'}${mode === 'paper' ? ' (paper)' : ''}`,
    message: `${what} at ${fill.price} ${fill.symbol.split('/')[1] ?? ''} · fee ${fill.fee} ${fill.feeAsset}`,
    priority: 1,
  });
}

/**
 * A minute before an auto-lock that would turn the dead man's switch off: say so, so locking never disarms
 * it silently. Any use of the extension (opening the popup) pushes the lock out.
 */
export async function showAutoLockWarning(): Promise<void> {
  await browser.notifications.create(`autolock:${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Locking in 1 minute',
    message:
      'The vault locks after inactivity, and that turns off the dead man’s switch on your Kraken orders. Open the extension to keep it unlocked.',
    priority: 2,
  });
}
