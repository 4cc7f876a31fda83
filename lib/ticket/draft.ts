// The draft the ticket checks, from the form as it stands.
import type { TicketDraft } from './types.ts';

/**
 * What is checked: the options the form hides for this type are not read — post-only, IOC and FOK are limit
 * options, a market order cannot wait for a date — so a hidden choice never blocks an order.
 */
export function draftOf(form: TicketDraft): TicketDraft {
  if (form.type === 'limit') return form;
  const tif = form.timeInForce === 'GTD' && form.type !== 'market' ? 'GTD' : 'GTC';
  if (!form.postOnly && tif === form.timeInForce) return form;
  return { ...form, postOnly: false, timeInForce: tif };
}
