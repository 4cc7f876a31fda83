// Implements the messaging contract (lib/messaging/protocol.ts): one handler per request, each held by the
// type checker to its request's result type. `refreshLive`: the request may change the vault, the active
// key or the endpoint, so live trading is re-matched to it before the answer leaves.
import type { Handlers } from '../../lib/messaging/server.ts';
import type { Services } from './services.ts';

export const handlers: Handlers<Services> = {
  'watchlist.add': { handle: async (req, s) => ({ symbol: await s.settings.addPair(req.symbol) }) },
  'watchlist.remove': { handle: async (req, s) => ({ symbol: await s.settings.removePair(req.symbol) }) },
  'watchlist.move': {
    handle: async (req, s) => ({ watchlist: await s.settings.movePair(req.symbol, req.index) }),
  },
  'badge.setPair': { handle: async (req, s) => ({ symbol: await s.settings.setBadgePair(req.symbol) }) },
  'chart.watch': {
    handle: async (req, s) => ({ series: await s.market.watchChart(req.viewer, req.symbol, req.interval) }),
  },
  'chart.unwatch': {
    handle: (req, s) => {
      s.market.unwatchChart(req.viewer);
      return {};
    },
  },
  'settings.get': { handle: (_, s) => s.settings.current() },
  'settings.setEndpoints': { handle: (req, s) => s.settings.setEndpoints(req.endpoints), refreshLive: true },
  'settings.setAlertSound': { handle: (req, s) => s.settings.setAlertSound(req.on) },
  'settings.setLanguage': { handle: (req, s) => s.settings.setLanguage(req.language) },
  'settings.setTheme': { handle: (req, s) => s.settings.setTheme(req.theme) },
  'launch.take': { handle: (_, s) => s.launches.take() },
  'vault.get': { handle: (_, s) => s.vault.view() },
  'vault.create': { handle: (req, s) => s.vault.create(req.passphrase), refreshLive: true },
  'vault.unlock': { handle: (req, s) => s.vault.unlock(req.passphrase), refreshLive: true },
  'vault.lock': { handle: (_, s) => s.vault.lock(), refreshLive: true },
  'vault.addKey': { handle: (req, s) => s.vault.addKey(req), refreshLive: true },
  'vault.replaceKey': { handle: (req, s) => s.vault.replaceKey(req.id, req), refreshLive: true },
  'vault.relabel': { handle: (req, s) => s.vault.relabel(req.id, req.label) },
  'vault.removeKey': { handle: (req, s) => s.vault.removeKey(req.id), refreshLive: true },
  'vault.setActive': { handle: (req, s) => s.vault.setActive(req.id), refreshLive: true },
  'vault.reset': { handle: (req, s) => s.vault.reset(req.confirm), refreshLive: true },
  'vault.setAutoLock': { handle: (req, s) => s.vault.setAutoLock(req.minutes) },
  'alerts.get': { handle: (_, s) => s.alerts.view() },
  'alerts.create': { handle: (req, s) => s.alerts.create(req.rule) },
  'alerts.remove': { handle: (req, s) => s.alerts.remove(req.id) },
  'alerts.edit': { handle: (req, s) => s.alerts.edit(req.id, req.changes) },
  'alerts.setPaused': { handle: (req, s) => s.alerts.update(req.id, { paused: req.paused }) },
  'alerts.export': { handle: (_, s) => ({ json: s.alerts.exportJson() }) },
  'alerts.import': { handle: (req, s) => s.alerts.importJson(req.json) },
  'alerts.testNotification': { handle: async (_, s) => ({ permission: await s.testNotification() }) },
  'trading.get': { handle: (_, s) => s.trading.view() },
  'trading.setMode': { handle: (req, s) => s.trading.setMode(req.mode) },
  'trading.watch': { handle: (req, s) => s.trading.watch(req.symbol) },
  'trading.preview': { handle: (req, s) => s.trading.preview(req.order) },
  'trading.place': { handle: async (req, s) => ({ order: await s.trading.place(req.order, req.clOrdId) }) },
  'trading.check': { handle: async (req, s) => ({ order: await s.trading.check(req.clOrdId) }) },
  'trading.dismissIntent': { handle: (req, s) => s.trading.dismissIntent(req.clOrdId) },
  'trading.cancel': { handle: (req, s) => s.trading.cancel(req.id) },
  'trading.amend': { handle: (req, s) => s.trading.amend(req.id, req) },
  'trading.amends': { handle: async (req, s) => ({ amends: await s.trading.amends(req.id) }) },
  'trading.setPaperFees': { handle: (req, s) => s.trading.setPaperFees(req.tier) },
  'trading.cancelAll': { handle: async (req, s) => ({ canceled: await s.trading.cancelAll(req.symbol) }) },
  'trading.setDeadMan': { handle: (req, s) => s.trading.setDeadMan(req.on) },
  'trading.resetPaper': { handle: (_, s) => s.trading.resetPaper() },
};
