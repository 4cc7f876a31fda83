/**
 * REST faults a test can switch on through `/_sim/faults` (docs/simulator.md). Each fault applies to the
 * next `count` matching REST calls (or, for `dropOrderResponses`, to each order call with a probability)
 * and is consumed as it fires. `methods` narrows a fault to REST method names (`["AddOrder"]`).
 */
export type ServiceError = 'EService:Unavailable' | 'EService:Busy';

export type RestFault =
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'cloudflare'; readonly status: number }
  | { readonly kind: 'service'; readonly error: ServiceError };

interface Armed {
  readonly fault: RestFault;
  remaining: number;
  readonly methods: readonly string[] | undefined;
}

/**
 * Order entry calls whose response `dropOrderResponses` swallows after the order has been applied: the
 * REST endpoints and their WS v2 twins on `/v2-auth` (there the connection is terminated instead).
 */
export const ORDER_METHODS: readonly string[] = [
  'AddOrder',
  'AddOrderBatch',
  'EditOrder',
  'AmendOrder',
  'add_order',
  'batch_add',
  'edit_order',
  'amend_order',
];

export type DropRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'count'; remaining: number }
  | { readonly kind: 'probability'; readonly p: number };

/** Order entry calls `lateExecution` holds back: REST AddOrder and WS v2 add_order. */
export const LATE_METHODS: readonly string[] = ['AddOrder', 'add_order'];

/** Calls `failLookups` refuses while it lasts. */
export const LOOKUP_METHODS: readonly string[] = ['OpenOrders', 'ClosedOrders', 'QueryOrders'];

/** How `failLookups` answers: Kraken's service errors (HTTP 200) or a bare 503. */
export type LookupError = ServiceError | 'http5xx';

interface Late {
  readonly ms: number;
  readonly rule: DropRule;
  readonly methods: readonly string[] | undefined;
}

export class RestFaults {
  private armed: Armed[] = [];
  private drop: DropRule = { kind: 'none' };
  private dropMethods: readonly string[] | undefined;
  private late: Late | undefined;
  private lookups: { readonly until: number; readonly error: LookupError } | undefined;
  private deadManUntil = 0;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  arm(fault: RestFault, count: number, methods?: readonly string[]): void {
    this.armed.push({ fault, remaining: count, methods });
  }

  /** `methods` narrows the drop to some of ORDER_METHODS (default: all of them). */
  setDrop(rule: DropRule, methods?: readonly string[]): void {
    this.drop = rule;
    this.dropMethods = methods;
  }

  /** `lateExecution`: matching order calls lose their connection at once and reach the engine `ms` later. */
  setLate(ms: number, rule: DropRule, methods?: readonly string[]): void {
    this.late = { ms, rule, methods };
  }

  /** `failLookups`: OpenOrders/ClosedOrders/QueryOrders fail for `ms` from now. */
  failLookups(ms: number, error: LookupError): void {
    this.lookups = { until: this.now() + ms, error };
  }

  /** `deadManFail`: CancelAllOrdersAfter / cancel_all_orders_after answer EService:Unavailable for `ms`. */
  failDeadMan(ms: number): void {
    this.deadManUntil = this.now() + ms;
  }

  clear(): void {
    this.armed = [];
    this.drop = { kind: 'none' };
    this.dropMethods = undefined;
    this.late = undefined;
    this.lookups = undefined;
    this.deadManUntil = 0;
  }

  /** The error a lookup call gets now, if `failLookups` is running. */
  lookupFailure(method: string): LookupError | undefined {
    if (!this.lookups || !LOOKUP_METHODS.includes(method)) return undefined;
    if (this.now() >= this.lookups.until) {
      this.lookups = undefined;
      return undefined;
    }
    return this.lookups.error;
  }

  /** True while the dead man's switch calls are made to fail. */
  deadManFails(): boolean {
    return this.now() < this.deadManUntil;
  }

  /** Milliseconds this order call is held back (connection dropped at once), or undefined. */
  takeLate(method: string): number | undefined {
    const late = this.late;
    if (!late || !LATE_METHODS.includes(method)) return undefined;
    if (late.methods && !late.methods.includes(method)) return undefined;
    return this.consume(late.rule) ? late.ms : undefined;
  }

  /** Faults that hit this call (at most one of each kind), consuming one use of each. */
  take(method: string): RestFault[] {
    const hits: RestFault[] = [];
    for (const armed of this.armed) {
      if (armed.remaining <= 0) continue;
      if (armed.methods && !armed.methods.includes(method)) continue;
      if (hits.some((hit) => hit.kind === armed.fault.kind)) continue;
      armed.remaining -= 1;
      hits.push(armed.fault);
    }
    this.armed = this.armed.filter((armed) => armed.remaining > 0);
    return hits;
  }

  /** True if this order call's response must be dropped after the order is applied. */
  takeDrop(method: string): boolean {
    if (!ORDER_METHODS.includes(method)) return false;
    if (this.dropMethods && !this.dropMethods.includes(method)) return false;
    return this.consume(this.drop);
  }

  private consume(rule: DropRule): boolean {
    switch (rule.kind) {
      case 'none':
        return false;
      case 'count':
        if (rule.remaining <= 0) return false;
        rule.remaining -= 1;
        return true;
      case 'probability':
        return this.random() < rule.p;
      default: {
        const never: never = rule;
        throw new Error(`bad drop rule ${JSON.stringify(never)}`);
      }
    }
  }
}

/** A Cloudflare-style origin error page (HTML, not JSON), as clients see during Kraken outages. */
export function cloudflarePage(status: number): string {
  const titles: Readonly<Record<number, string>> = {
    520: 'Web server is returning an unknown error',
    521: 'Web server is down',
    522: 'Connection timed out',
    523: 'Origin is unreachable',
    524: 'A timeout occurred',
  };
  const title = titles[status] ?? 'Origin error';
  return `<!DOCTYPE html>
<html lang="en-US">
<head><title>api.kraken.com | ${status}: ${title}</title></head>
<body>
<div id="cf-error-details">
<h1><span>${title}</span> <span>Error code ${status}</span></h1>
<p>Visit <a href="https://www.cloudflare.com/5xx-error-landing">cloudflare.com</a> for more information.</p>
<p>Cloudflare Ray ID: <strong>${Math.floor(Math.random() * 2 ** 52).toString(16)}</strong></p>
</div>
</body>
</html>
`;
}
