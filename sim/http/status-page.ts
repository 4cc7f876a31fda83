// Kraken announces planned maintenance on its status page, status.kraken.com, an Atlassian Statuspage site
// (https://docs.kraken.com/home/support.md: "Check real-time health and incident history for all Kraken APIs at
// status.kraken.com"). Statuspage's public API serves the announcements as JSON: `/api/v2/summary.json` and
// `/api/v2/scheduled-maintenances/upcoming.json`, each with a `scheduled_maintenances` list of
// `{id, name, status, impact, scheduled_for, scheduled_until, shortlink, components[], incident_updates[]}`.
// The simulator serves the same two documents on its REST port (the extension asks the endpoint it trades
// with), holding the maintenances a test announces with `POST /_sim/maintenance` (docs/simulator.md).
import { bad, type ControlReply, type Json, OK } from './control-reply.ts';

export interface AnnouncedMaintenance {
  readonly id: string;
  readonly name: string;
  readonly scheduledFor: string;
  readonly scheduledUntil: string;
  /** Status page component names it affects ("Trading", "Website", "BTC Funding" …). */
  readonly components: readonly string[];
  readonly status: 'scheduled' | 'in_progress';
}

export const STATUS_PAGE_PATHS = ['/api/v2/summary.json', '/api/v2/scheduled-maintenances/upcoming.json'];

const PAGE = {
  id: 'sim0status0page',
  name: 'Kraken (simulator)',
  url: 'http://127.0.0.1/',
  time_zone: 'Etc/UTC',
};

export class StatusPage {
  private list: AnnouncedMaintenance[] = [];
  private updatedAt = new Date(0).toISOString();
  private n = 0;

  /** `{"name","start","end","components"?,"status"?}` announces one; `{"clear":true}` withdraws them all. */
  control(json: Json, now: Date): ControlReply {
    if (json.clear === true) {
      this.list = [];
      this.updatedAt = now.toISOString();
      return OK;
    }
    const { name, start, end, components, status } = json;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 200)
      return bad(400, 'name must be a text of 1-200 characters');
    const from = typeof start === 'string' ? Date.parse(start) : Number.NaN;
    const until = typeof end === 'string' ? Date.parse(end) : Number.NaN;
    if (!Number.isFinite(from) || !Number.isFinite(until) || until <= from)
      return bad(400, 'start and end must be ISO 8601 times, end after start');
    const names = components ?? ['Trading'];
    if (!Array.isArray(names) || !names.every((c) => typeof c === 'string' && c.length <= 100))
      return bad(400, 'components must be a list of component names');
    if (status !== undefined && status !== 'scheduled' && status !== 'in_progress')
      return bad(400, 'status must be "scheduled" or "in_progress"');
    this.list.push({
      id: `simmaint${++this.n}`,
      name,
      scheduledFor: new Date(from).toISOString(),
      scheduledUntil: new Date(until).toISOString(),
      components: names as string[],
      status: status ?? 'scheduled',
    });
    this.updatedAt = now.toISOString();
    return OK;
  }

  /** The document at `path` (one of STATUS_PAGE_PATHS), or undefined for any other path. */
  document(path: string): string | undefined {
    const page = { ...PAGE, updated_at: this.updatedAt };
    const shown = (m: AnnouncedMaintenance) => path.endsWith('summary.json') || m.status === 'scheduled';
    const maintenances = this.list.filter(shown).map((m) => this.render(m));
    if (path === '/api/v2/scheduled-maintenances/upcoming.json')
      return JSON.stringify({ page, scheduled_maintenances: maintenances });
    if (path === '/api/v2/summary.json')
      return JSON.stringify({
        page,
        components: [],
        incidents: [],
        scheduled_maintenances: maintenances,
        status: { indicator: 'none', description: 'All Systems Operational' },
      });
    return undefined;
  }

  private render(m: AnnouncedMaintenance): Json {
    const component = (name: string, i: number) => ({
      id: `${m.id}c${i}`,
      name,
      status: m.status === 'in_progress' ? 'under_maintenance' : 'operational',
    });
    return {
      id: m.id,
      name: m.name,
      status: m.status,
      impact: 'maintenance',
      created_at: this.updatedAt,
      updated_at: this.updatedAt,
      started_at: m.scheduledFor,
      scheduled_for: m.scheduledFor,
      scheduled_until: m.scheduledUntil,
      shortlink: `https://stspg.io/${m.id}`,
      page_id: PAGE.id,
      components: m.components.map(component),
      incident_updates: [
        {
          id: `${m.id}u1`,
          status: m.status,
          body: m.name,
          created_at: this.updatedAt,
          display_at: this.updatedAt,
          affected_components: m.components.map((name) => ({ name })),
        },
      ],
    };
  }
}
