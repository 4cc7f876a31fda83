import ccxt from 'ccxt';
import type { SimHandle } from '../../sim/server.ts';

/**
 * ccxt 4.5.84's kraken, REST and pro, unchanged and only pointed at the simulator (ccxt's own throttle is off:
 * the simulator is the limiter here). Both sign with the one trading key, so they share one strictly increasing
 * nonce: ccxt's own, Date.now(), repeats within a millisecond on loopback (docs/kraken-quirks.md, "Simulator:
 * private side" 2).
 */
let nonce = Date.now() * 1000;
const nextNonce = () => {
  nonce += 1;
  return nonce;
};

export function ccxtRest(sim: SimHandle): InstanceType<typeof ccxt.kraken> {
  const client = new ccxt.kraken({
    apiKey: sim.keys.trading.key,
    secret: sim.keys.trading.secret,
    enableRateLimit: false,
    timeout: 10_000,
  });
  client.nonce = nextNonce;
  client.urls.api = { ...client.urls.api, public: sim.rest, private: sim.rest };
  return client;
}

export async function ccxtPro(sim: SimHandle): Promise<InstanceType<typeof ccxt.pro.kraken>> {
  const pro = new ccxt.pro.kraken({
    apiKey: sim.keys.trading.key,
    secret: sim.keys.trading.secret,
    enableRateLimit: false,
  });
  pro.nonce = nextNonce;
  pro.urls.api = {
    ...pro.urls.api,
    public: sim.rest,
    private: sim.rest,
    ws: {
      ...pro.urls.api.ws,
      publicV2: sim.wsPublic,
      privateV2: sim.wsPrivate,
      private: sim.wsPrivate,
      public: sim.wsPublic,
    },
  };
  // ccxt refuses plain ws:// URLs until its http agent is loaded (its own requirement, not Kraken's).
  await pro.loadHttpProxyAgent();
  return pro;
}

/** A trade at exactly `price` (the simulator's control endpoint): triggers see it as the last price. */
export async function tradeAt(sim: SimHandle, price: string): Promise<void> {
  const res = await fetch(`${sim.rest}/_sim/market/price`, {
    method: 'POST',
    body: JSON.stringify({ symbol: 'BTC/USD', price }),
  });
  if (res.status !== 200) throw new Error(`price ${price}: HTTP ${res.status}`);
}
