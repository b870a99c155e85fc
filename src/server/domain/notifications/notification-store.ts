// In-app notifications: a row per person, read from the bell in the header.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface NotificationView {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

export class NotificationStore {
  private readonly db: Kysely<Database>;
  private readonly now: () => number;
  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  async add(workspaceId: string, userIds: string[], kind: string, payload: Record<string, unknown>): Promise<void> {
    const now = this.now();
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    await this.db
      .insertInto('notification')
      .values(unique.map((userId) => ({ id: randomUUID(), workspace_id: workspaceId, user_id: userId, kind, payload: JSON.stringify(payload), created_at: now, read_at: null })))
      .execute();
  }

  async list(workspaceId: string, userId: string, limit = 50): Promise<{ items: NotificationView[]; unread: number }> {
    const rows = await this.db.selectFrom('notification').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
    const unread = await this.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      items: rows.map((row) => ({ id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown>, createdAt: new Date(Number(row.created_at)).toISOString(), read: row.read_at !== null })),
      unread: Number(unread.count),
    };
  }

  async markRead(workspaceId: string, userId: string, ids: string[] | 'all'): Promise<void> {
    let query = this.db.updateTable('notification').set({ read_at: this.now() }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids.length ? ids : ['']);
    await query.execute();
  }
}
