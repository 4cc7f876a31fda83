// The alert actions a page hands to AlertForm and AlertsPanel, as stubs that answer as the background does when
// all goes well (null). A test overrides the one it is about ({ ...alertActions(), create: … }).
import { vi } from 'vitest';

export const alertActions = () => ({
  create: vi.fn(async (_rule: Record<string, unknown>) => null),
  edit: vi.fn(async () => null),
  remove: vi.fn(async () => null),
  setPaused: vi.fn(async () => null),
  snooze: vi.fn(async (_id: string, _until: number) => null),
});
