// The calendar as a CSV a person can open in a spreadsheet, edit and import
// again: the import's columns (times as wall-clock in the workspace's zone,
// media as links to the library, which the import recognises) plus each copy's
// state and published link. Copies of one post that share time, text and state
// make one line with several channels; the others get a line each. Threads are
// written as their first post only (a CSV line holds one text). Every cell is
// safe to open: one that a spreadsheet would run as a formula is prefixed.
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Database, TargetState } from '../../db/schema.ts';
import { mediaPath } from '../media/media-library.ts';
import { parseContent } from '../publishing/post-views.ts';
import { csvColumns } from './csv-columns.ts';
import { formatCsvDate } from './csv-dates.ts';
import { escapeFormula } from './csv-formula.ts';

export interface CalendarCsvFilter {
  from: number;
  to: number;
  channelIds?: string[];
  campaignId?: string;
  states?: TargetState[];
}

/** Copies one export holds at most (a year of a busy agency's workspace fits). */
export const maxExportTargets = 20_000;

export class CalendarCsv {
  private readonly db: Kysely<Database>;
  private readonly baseUrl: string;
  constructor(db: Kysely<Database>, baseUrl: string) {
    this.db = db;
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async export(workspaceId: string, timeZone: string, filter: CalendarCsvFilter, delimiter: ',' | ';' = ','): Promise<string> {
    let query = this.db
      .selectFrom('post_target')
      .innerJoin('post', 'post.id', 'post_target.post_id')
      .innerJoin('channel', 'channel.id', 'post_target.channel_id')
      .leftJoin('campaign', 'campaign.id', 'post.campaign_id')
      .select([
        'post_target.post_id',
        'post_target.state',
        'post_target.scheduled_at',
        'post_target.published_at',
        'post_target.content',
        'post_target.remote_url',
        'channel.handle',
        'campaign.name as campaign_name',
      ])
      .where('post_target.workspace_id', '=', workspaceId)
      .where('post.deleted_at', 'is', null)
      // As on the calendar: a published copy sits at its publication time, the others at their planned time.
      .where((eb) =>
        eb.or([
          eb.and([eb('post_target.published_at', 'is not', null), eb('post_target.published_at', '>=', filter.from), eb('post_target.published_at', '<', filter.to)]),
          eb.and([eb('post_target.published_at', 'is', null), eb('post_target.scheduled_at', '>=', filter.from), eb('post_target.scheduled_at', '<', filter.to)]),
        ]),
      );
    if (filter.channelIds?.length) query = query.where('post_target.channel_id', 'in', filter.channelIds);
    if (filter.states?.length) query = query.where('post_target.state', 'in', filter.states);
    if (filter.campaignId) query = query.where('post.campaign_id', '=', filter.campaignId);
    const rows = await query.orderBy('post_target.scheduled_at').orderBy('post_target.post_id').orderBy('channel.handle').limit(maxExportTargets).execute();

    const lines = new Map<string, { at: number; cells: Record<string, string>; channels: string[] }>();
    for (const row of rows) {
      const at = Number(row.published_at ?? row.scheduled_at);
      const key = JSON.stringify([row.post_id, at, row.state, row.remote_url, row.content]);
      const existing = lines.get(key);
      if (existing) {
        existing.channels.push(row.handle);
        continue;
      }
      const content = parseContent(row.content);
      lines.set(key, {
        at,
        channels: [row.handle],
        cells: {
          date: formatCsvDate(at, timeZone),
          text: content.text,
          media_url: content.media.map((ref) => this.baseUrl + mediaPath(workspaceId, ref.mediaId, 'file')).join(' '),
          alt_text: content.media.some((ref) => ref.altText) ? content.media.map((ref) => ref.altText).join(' | ') : '',
          first_reply: content.firstReply ?? '',
          campaign: row.campaign_name ?? '',
          state: row.state,
          published_url: row.remote_url ?? '',
        },
      });
    }
    const records = [...lines.values()]
      .sort((a, b) => a.at - b.at)
      .map((line) => csvColumns.map((column) => escapeFormula(column === 'channels' ? line.channels.join(' | ') : line.cells[column])));
    // The BOM makes spreadsheets read the file as UTF-8 (accents, emoji) instead of the system's code page.
    return '\uFEFF' + stringify([[...csvColumns], ...records], { delimiter, record_delimiter: 'windows', quoted_match: /\n/ });
  }
}
