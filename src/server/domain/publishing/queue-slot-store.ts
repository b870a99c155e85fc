// Each channel's weekly queue slots, as wall-clock times in the workspace's zone.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { QueueSlot } from '../../../shared/publishing.ts';
import { AppError } from '../../errors.ts';

const pad = (value: number) => String(value).padStart(2, '0');

export class QueueSlotStore {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async list(workspaceId: string, channelId: string): Promise<QueueSlot[] | null> {
    if (!(await this.channelExists(workspaceId, channelId))) return null;
    const rows = await this.db.selectFrom('queue_slot').select(['weekday', 'minute_of_day']).where('channel_id', '=', channelId).orderBy('weekday').orderBy('minute_of_day').execute();
    return rows.map((row) => ({ weekday: Number(row.weekday), time: `${pad(Math.floor(Number(row.minute_of_day) / 60))}:${pad(Number(row.minute_of_day) % 60)}` }));
  }

  /** Replaces the channel's slots (duplicates collapse). */
  async replace(workspaceId: string, channelId: string, slots: QueueSlot[]): Promise<QueueSlot[]> {
    if (!(await this.channelExists(workspaceId, channelId))) throw new AppError(404, 'not_found');
    const unique = new Map<string, { weekday: number; minute: number }>();
    for (const slot of slots) {
      const [hours, minutes] = slot.time.split(':').map(Number);
      unique.set(`${slot.weekday}:${slot.time}`, { weekday: slot.weekday, minute: hours * 60 + minutes });
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('queue_slot').where('channel_id', '=', channelId).execute();
      for (const slot of unique.values()) {
        await trx.insertInto('queue_slot').values({ id: randomUUID(), workspace_id: workspaceId, channel_id: channelId, weekday: slot.weekday, minute_of_day: slot.minute }).execute();
      }
    });
    return (await this.list(workspaceId, channelId))!;
  }

  private async channelExists(workspaceId: string, channelId: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('channel').select('id').where('id', '=', channelId).where('workspace_id', '=', workspaceId).executeTakeFirst());
  }
}
