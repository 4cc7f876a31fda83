// Implements the messaging contract (lib/messaging/protocol.ts): one line per request.
import type { AlertService } from '../../lib/alerts/service.ts';
import type { Market } from '../../lib/market/index.ts';
import { serializeError } from '../../lib/messaging/errors.ts';
import type { Request, RequestType, Response, ResultOf } from '../../lib/messaging/protocol.ts';
import type { SettingsService } from '../../lib/settings/service.ts';
import type { TradingService } from '../../lib/trading/service.ts';
import type { VaultService } from '../../lib/vault/service.ts';

export interface Services {
  market: Market;
  vault: VaultService;
  alerts: AlertService;
  trading: TradingService;
  settings: SettingsService;
  /** Shows a sample notification; answers with the notification permission level. */
  testNotification(): Promise<string>;
}

export async function handleRequest(services: Services, req: Request): Promise<Response<RequestType>> {
  try {
    return { ok: true, value: await dispatch(services, req) };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

async function dispatch(
  { vault, alerts, trading, settings, testNotification }: Services,
  req: Request,
): Promise<ResultOf<RequestType>> {
  switch (req.type) {
    case 'watchlist.add':
      return { symbol: await settings.addPair(req.symbol) };
    case 'watchlist.remove':
      return { symbol: await settings.removePair(req.symbol) };
    case 'badge.setPair':
      return { symbol: await settings.setBadgePair(req.symbol) };
    case 'settings.get':
      return settings.current();
    case 'settings.setEndpoints':
      return settings.setEndpoints(req.endpoints);
    case 'settings.setAlertSound':
      return settings.setAlertSound(req.on);
    case 'vault.get':
      return vault.view();
    case 'vault.create':
      return vault.create(req.passphrase);
    case 'vault.unlock':
      return vault.unlock(req.passphrase);
    case 'vault.lock':
      return vault.lock();
    case 'vault.addKey':
      return vault.addKey(req);
    case 'vault.replaceKey':
      return vault.replaceKey(req.id, req);
    case 'vault.relabel':
      return vault.relabel(req.id, req.label);
    case 'vault.removeKey':
      return vault.removeKey(req.id);
    case 'vault.setActive':
      return vault.setActive(req.id);
    case 'vault.setAutoLock':
      return vault.setAutoLock(req.minutes);
    case 'alerts.get':
      return alerts.view();
    case 'alerts.create':
      return alerts.create(req.rule);
    case 'alerts.remove':
      return alerts.remove(req.id);
    case 'alerts.edit':
      return alerts.edit(req.id, req.changes);
    case 'alerts.setPaused':
      return alerts.update(req.id, { paused: req.paused });
    case 'alerts.export':
      return { json: alerts.exportJson() };
    case 'alerts.import':
      return alerts.importJson(req.json);
    case 'alerts.testNotification':
      return { permission: await testNotification() };
    case 'trading.get':
      return trading.view();
    case 'trading.setMode':
      return trading.setMode(req.mode);
    case 'trading.watch':
      return trading.watch(req.symbol);
    case 'trading.preview':
      return trading.preview(req.order);
    case 'trading.place':
      return { order: await trading.place(req.order, req.clOrdId) };
    case 'trading.cancel':
      return trading.cancel(req.id);
    case 'trading.cancelAll':
      return { canceled: await trading.cancelAll(req.symbol) };
    case 'trading.setDeadMan':
      return trading.setDeadMan(req.on);
    case 'trading.resetPaper':
      return trading.resetPaper();
    default: {
      const never: never = req;
      throw new Error(`unhandled request ${JSON.stringify(never)}`);
    }
  }
}
