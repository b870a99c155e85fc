// Response times for the boss: per period, overall, per teammate (who sent the
// first answer) and per channel — medians and averages in business time, the
// share answered within the target, and what is overdue right now. The rows
// of the period are read once (a few numeric columns each) and summed up in
// memory, which gives true medians on both engines.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ResponseFigures, ResponseReport } from '../../../shared/inbox.ts';
import type { InboxSettingsStore } from './inbox-settings.ts';

const DAY = 86_400_000;

interface Row {
  channel_id: string;
  first_response_by: string | null;
  first_response_business_ms: number | null;
  resolution_business_ms: number | null;
  first_response_at: number | null;
  first_response_due_at: number | null;
  status: string;
}

export class ResponseReports {
  readonly #db: Kysely<Database>;
  readonly #settings: InboxSettingsStore;
  readonly #now: () => number;

  constructor(deps: { db: Kysely<Database>; settings: InboxSettingsStore; now?: () => number }) {
    this.#db = deps.db;
    this.#settings = deps.settings;
    this.#now = deps.now ?? Date.now;
  }

  async report(workspaceId: string, period: { from?: string; to?: string }): Promise<ResponseReport> {
    const now = this.#now();
    const to = period.to ? Date.parse(period.to) : now;
    const from = period.from ? Date.parse(period.from) : to - 30 * DAY;
    if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to || to - from > 366 * DAY) throw new AppError(400, 'inbox_report_bad_period');
    const settings = await this.#settings.get(workspaceId);
    const targetMs = settings.firstResponseTargetMinutes * 60_000;
    const rows = (await this.#db
      .selectFrom('inbox_item')
      .select(['channel_id', 'first_response_by', 'first_response_business_ms', 'resolution_business_ms', 'first_response_at', 'first_response_due_at', 'status'])
      .where('workspace_id', '=', workspaceId)
      .where('spam', '=', 0)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .execute()) as Row[];
    const figures = (subset: Row[]) => summarize(subset, targetMs, now);
    const teammates = [...new Set(rows.map((row) => row.first_response_by).filter((id): id is string => id !== null))];
    const channelIds = [...new Set(rows.map((row) => row.channel_id))];
    const [users, channels] = await Promise.all([
      teammates.length ? this.#db.selectFrom('user').select(['id', 'name']).where('id', 'in', teammates).execute() : [],
      channelIds.length ? this.#db.selectFrom('channel').select(['id', 'handle', 'display_name']).where('id', 'in', channelIds).execute() : [],
    ]);
    const userName = new Map(users.map((user) => [user.id, user.name]));
    const channelName = new Map(channels.map((channel) => [channel.id, channel.display_name ? `${channel.display_name} (@${channel.handle})` : `@${channel.handle}`]));
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      targets: { firstResponseMinutes: settings.firstResponseTargetMinutes, resolutionMinutes: settings.resolutionTargetMinutes },
      overall: figures(rows),
      byTeammate: teammates
        .map((userId) => ({ userId, name: userName.get(userId) ?? '', ...figures(rows.filter((row) => row.first_response_by === userId)) }))
        .sort((a, b) => b.responded - a.responded),
      byChannel: channelIds.map((channelId) => ({ channelId, name: channelName.get(channelId) ?? '', ...figures(rows.filter((row) => row.channel_id === channelId)) })).sort((a, b) => b.items - a.items),
    };
  }
}

export function summarize(rows: Row[], targetMs: number, now: number): ResponseFigures {
  const firsts = rows.map((row) => row.first_response_business_ms).filter((ms): ms is number => ms != null).map(Number);
  const resolutions = rows.map((row) => row.resolution_business_ms).filter((ms): ms is number => ms != null).map(Number);
  return {
    items: rows.length,
    responded: firsts.length,
    resolved: resolutions.length,
    medianFirstResponseMs: median(firsts),
    averageFirstResponseMs: firsts.length ? Math.round(firsts.reduce((a, b) => a + b, 0) / firsts.length) : null,
    medianResolutionMs: median(resolutions),
    withinTarget: firsts.length ? firsts.filter((ms) => ms <= targetMs).length / firsts.length : null,
    overdueNow: rows.filter((row) => row.status !== 'done' && row.first_response_at == null && row.first_response_due_at != null && Number(row.first_response_due_at) < now).length,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}
