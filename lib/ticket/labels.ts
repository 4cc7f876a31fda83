// The message keys of the ticket's fixed vocabulary (order types, times in force), one place for every view.
import type { PlainKey } from '../i18n/translate.ts';
import type { TicketOrderType, TimeInForce } from '../orders/types.ts';

export const ORDER_TYPE_KEY: Readonly<Record<TicketOrderType, PlainKey>> = {
  market: 'ticket.type.market',
  limit: 'ticket.type.limit',
  'stop-loss': 'ticket.type.stopLoss',
  'stop-loss-limit': 'ticket.type.stopLossLimit',
  'take-profit': 'ticket.type.takeProfit',
  'take-profit-limit': 'ticket.type.takeProfitLimit',
  'trailing-stop': 'ticket.type.trailingStop',
  'trailing-stop-limit': 'ticket.type.trailingStopLimit',
};

export const TIF_KEY: Readonly<Record<TimeInForce, PlainKey>> = {
  GTC: 'ticket.tif.GTC',
  GTD: 'ticket.tif.GTD',
  IOC: 'ticket.tif.IOC',
  FOK: 'ticket.tif.FOK',
};
