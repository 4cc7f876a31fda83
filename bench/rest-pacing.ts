// `rest-pacing` row: 50 private calls fired at once against the simulator at the Pro tier (REST counter 20,
// −1/s, enforced by the simulator as Kraken documents it). The client must pace them itself: the figure is
// the achieved call rate over the rate the tier allows in the same time (max + decay × elapsed calls),
// and `rateLimitErrors` counts EAPI:Rate limit exceeded answers seen on the wire (goal: ≥ 0.9 and 0).
import { createKrakenRest, type FetchLike, REST_LIMITS } from '../lib/kraken/index.ts';
import { startSimulator } from '../sim/server.ts';

export async function restPacing(
  calls = 50,
): Promise<{ ratio: number; rateLimitErrors: number; seconds: number }> {
  const sim = await startSimulator({ port: 0, host: '127.0.0.1', stepMs: 0, tier: 'pro', rateLimit: 'on' });
  let rateLimitErrors = 0;
  const counting: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    if ((await response.clone().text()).includes('EAPI:Rate limit exceeded')) rateLimitErrors++;
    return response;
  };
  try {
    const rest = createKrakenRest({
      baseUrl: sim.rest,
      fetch: counting,
      credentials: { apiKey: sim.keys.trading.key, secret: sim.keys.trading.secret },
      tier: 'pro',
    });
    const start = performance.now();
    await Promise.all(Array.from({ length: calls }, () => rest.balance()));
    const seconds = (performance.now() - start) / 1000;
    const { max, decayPerSecond } = REST_LIMITS.pro;
    const allowed = max + decayPerSecond * seconds;
    return { ratio: Math.round((calls / allowed) * 1000) / 1000, rateLimitErrors, seconds };
  } finally {
    await sim.close();
  }
}
