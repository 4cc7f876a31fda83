// The connection as the popup shows it, from the public session's state.
import type { SessionState } from '../kraken/index.ts';
import type { Endpoints } from '../settings/schema.ts';
import type { ConnectionView } from './types.ts';

export function connectionView(state: SessionState, now: number): ConnectionView {
  switch (state.kind) {
    case 'idle':
    case 'connecting':
      return { kind: 'connecting' };
    case 'live':
      return { kind: 'live', since: state.since };
    case 'reconnecting':
      return {
        kind: 'reconnecting',
        attempt: state.attempt,
        retryAt: now + state.delayMs,
        reason: state.reason,
      };
    case 'failed':
      return { kind: 'offline', reason: state.reason };
    case 'closed':
      return { kind: 'offline', reason: 'stopped' };
    default: {
      const never: never = state;
      throw new Error(`unknown session state ${JSON.stringify(never)}`);
    }
  }
}

/** Where the prices come from, in the status bar: "Kraken" or "Simulator 127.0.0.1:8787". */
export function endpointLabel(endpoints: Endpoints): string {
  return endpoints.kind === 'kraken' ? 'Kraken' : `Simulator ${new URL(endpoints.rest).host}`;
}
