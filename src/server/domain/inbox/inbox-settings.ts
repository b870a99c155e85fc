// A workspace's inbox settings: opening hours (response times count only
// those), first-response and resolution targets, and whether contributors'
// replies wait for approval. Defaults apply until someone saves them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { defaultInboxSettings, type BusinessHours, type InboxSettings } from '../../../shared/inbox.ts';
import type { InboxDb } from './inbox-events.ts';

export class InboxSettingsStore {
  readonly #db: Kysely<Database>;
  readonly #now: () => number;

  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async get(workspaceId: string, db: InboxDb = this.#db): Promise<InboxSettings & { timeZone: string }> {
    const row = await db.selectFrom('inbox_setting').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
    const workspace = await db.selectFrom('organization').select('timeZone').where('id', '=', workspaceId).executeTakeFirst();
    const timeZone = workspace?.timeZone || 'UTC';
    if (!row) return { ...defaultInboxSettings, timeZone };
    return {
      businessHours: JSON.parse(row.business_hours) as BusinessHours,
      firstResponseTargetMinutes: row.first_response_target_minutes,
      resolutionTargetMinutes: row.resolution_target_minutes,
      replyApproval: row.reply_approval === 1,
      timeZone,
    };
  }

  /** Saves the settings; returns them as they were before (the caller recomputes due times when hours or target changed). */
  async save(workspaceId: string, input: InboxSettings): Promise<InboxSettings> {
    checkHours(input.businessHours);
    const before = await this.get(workspaceId);
    const values = {
      business_hours: JSON.stringify(input.businessHours),
      first_response_target_minutes: input.firstResponseTargetMinutes,
      resolution_target_minutes: input.resolutionTargetMinutes,
      reply_approval: input.replyApproval ? 1 : 0,
      updated_at: this.#now(),
    };
    await this.#db
      .insertInto('inbox_setting')
      .values({ workspace_id: workspaceId, ...values })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
      .execute();
    return before;
  }
}

/** Each range ends after it starts; ranges of a day do not overlap. */
export function checkHours(hours: BusinessHours): void {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const ranges = hours.days.filter((day) => day.weekday === weekday).sort((a, b) => minutes(a.start) - minutes(b.start));
    for (const range of ranges) {
      if (minutes(range.end) <= minutes(range.start)) throw new AppError(422, 'inbox_hours_bad_range', { weekday, start: range.start, end: range.end });
    }
    for (let index = 1; index < ranges.length; index += 1) {
      if (minutes(ranges[index].start) < minutes(ranges[index - 1].end)) throw new AppError(422, 'inbox_hours_overlap', { weekday });
    }
  }
}
