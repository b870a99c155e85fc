// Undo of one logged change (by a person or a rule): the item goes back to the
// value it had before, provided nobody changed it since — a later change is
// never overwritten. The undo is itself logged, and the original marked undone.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { recordInboxEvents } from './inbox-events.ts';
import type { ResponseClock } from './response-clock.ts';

const reversible = new Set(['status', 'assign', 'tag', 'untag', 'priority', 'spam', 'snooze']);

export class InboxUndo {
  readonly #db: Kysely<Database>;
  readonly #clock: ResponseClock;
  readonly #now: () => number;

  constructor(deps: { db: Kysely<Database>; clock: ResponseClock; now?: () => number }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#now = deps.now ?? Date.now;
  }

  async undo(workspaceId: string, userId: string | null, eventId: number): Promise<void> {
    const now = this.#now();
    await this.#db.transaction().execute(async (trx) => {
      const event = await trx.selectFrom('inbox_event').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', eventId).executeTakeFirst();
      if (!event) throw new AppError(404, 'inbox_event_not_found');
      if (!reversible.has(event.action) || event.item_id == null || event.reversed_at != null) throw new AppError(422, 'inbox_event_not_reversible');
      const itemId = Number(event.item_id);
      const item = await trx.selectFrom('inbox_item').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
      if (!item) throw new AppError(404, 'inbox_item_not_found');
      const detail = JSON.parse(event.detail) as { before?: unknown; after?: unknown; tag?: string };
      const changedSince = () => {
        throw new AppError(409, 'inbox_event_changed_since');
      };
      switch (event.action) {
        case 'status':
          if (item.status !== detail.after) changedSince();
          await trx.updateTable('inbox_item').set({ status: detail.before as 'open', updated_at: now }).where('id', '=', itemId).execute();
          if (detail.after === 'done') await this.#clock.recordReopened(trx, workspaceId, itemId);
          if (detail.before === 'done') await this.#clock.recordResolved(trx, workspaceId, itemId, now, userId);
          break;
        case 'assign':
          if (item.assignee_id !== (detail.after ?? null)) changedSince();
          await trx.updateTable('inbox_item').set({ assignee_id: (detail.before as string | null) ?? null, updated_at: now }).where('id', '=', itemId).execute();
          break;
        case 'priority':
          if (item.priority !== detail.after) changedSince();
          await trx.updateTable('inbox_item').set({ priority: Number(detail.before ?? 0), updated_at: now }).where('id', '=', itemId).execute();
          break;
        case 'spam':
          if ((item.spam === 1) !== detail.after) changedSince();
          await trx.updateTable('inbox_item').set({ spam: detail.before ? 1 : 0, updated_at: now }).where('id', '=', itemId).execute();
          break;
        case 'snooze':
          if ((item.snoozed_until ?? null) !== (detail.after ?? null)) changedSince();
          await trx.updateTable('inbox_item').set({ snoozed_until: (detail.before as number | null) ?? null, updated_at: now }).where('id', '=', itemId).execute();
          break;
        case 'tag':
        case 'untag':
          await this.#undoTag(trx, workspaceId, itemId, event.action, detail.tag ?? '', changedSince);
          break;
      }
      await trx.updateTable('inbox_event').set({ reversed_at: now, reversed_by: userId }).where('id', '=', eventId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId, action: 'undo', detail: { eventId, undone: event.action, before: detail.after ?? null, after: detail.before ?? null, tag: detail.tag }, actorUserId: userId }], now);
    });
  }

  async #undoTag(trx: Transaction<Database>, workspaceId: string, itemId: number, action: 'tag' | 'untag', tag: string, changedSince: () => never): Promise<void> {
    const has = Boolean(await trx.selectFrom('inbox_item_tag').select('tag').where('item_id', '=', itemId).where('tag', '=', tag).executeTakeFirst());
    if (action === 'tag') {
      if (!has) changedSince();
      await trx.deleteFrom('inbox_item_tag').where('item_id', '=', itemId).where('tag', '=', tag).execute();
    } else {
      if (has) changedSince();
      await trx.insertInto('inbox_item_tag').values({ item_id: itemId, workspace_id: workspaceId, tag }).execute();
    }
  }
}
