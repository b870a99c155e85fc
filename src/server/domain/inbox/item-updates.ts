// The team's work on items: status, assignee, tags, priority, spam, snooze —
// one item or up to 500 at once, in one transaction; internal notes with
// @mentions; tags on an author. Every change is logged (before → after) so it
// shows in the item's history, reaches open inboxes live, and can be undone.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database, InboxItemTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ItemUpdate, NoteInput, NoteView } from '../../../shared/inbox.ts';
import { recordInboxEvents, type InboxEventInput } from './inbox-events.ts';
import type { ItemRow } from './item-views.ts';
import type { ResponseClock } from './response-clock.ts';

export interface InboxActor {
  userId: string | null;
  name: string;
}

/** Who hears of an assignment or a mention (the inbox notifier). */
export interface ItemUpdateListener {
  assigned(workspaceId: string, itemIds: number[], assigneeId: string, actor: InboxActor): Promise<void>;
  mentioned(workspaceId: string, itemId: number, userIds: string[], actor: InboxActor, note: string): Promise<void>;
}

export interface ItemUpdatesDeps {
  db: Kysely<Database>;
  clock: ResponseClock;
  /** Members whose role may work the inbox (assignees, mentions). */
  workers(workspaceId: string): Promise<string[]>;
  listener: ItemUpdateListener;
  now?: () => number;
}

export class ItemUpdates {
  readonly #deps: ItemUpdatesDeps;
  readonly #now: () => number;

  constructor(deps: ItemUpdatesDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async update(workspaceId: string, actor: InboxActor, itemId: number, change: ItemUpdate): Promise<void> {
    await this.bulk(workspaceId, actor, [itemId], change, { missing: 'error' });
  }

  /** Applies `change` to every item (all or nothing); returns how many items changed. */
  async bulk(workspaceId: string, actor: InboxActor, itemIds: number[], change: ItemUpdate, options: { missing: 'error' | 'skip' } = { missing: 'skip' }): Promise<number> {
    const now = this.#now();
    const snoozedUntil = change.snoozedUntil === undefined ? undefined : change.snoozedUntil === null ? null : futureTime(change.snoozedUntil, now);
    if (change.assigneeId) {
      const workers = await this.#deps.workers(workspaceId);
      if (!workers.includes(change.assigneeId)) throw new AppError(422, 'inbox_assignee_not_member');
    }
    const ids = [...new Set(itemIds)];
    const result = await this.#deps.db.transaction().execute(async (trx) => {
      const rows = (await trx.selectFrom('inbox_item').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute()) as ItemRow[];
      if (options.missing === 'error' && rows.length < ids.length) throw new AppError(404, 'inbox_item_not_found');
      const events: InboxEventInput[] = [];
      const assignedIds: number[] = [];
      let changed = 0;
      for (const row of rows) {
        const before = events.length;
        await this.#apply(trx, workspaceId, actor, row, change, snoozedUntil, now, events);
        if (change.assigneeId && row.assignee_id !== change.assigneeId) assignedIds.push(row.id);
        if (events.length > before) changed += 1;
      }
      await recordInboxEvents(trx, events, now);
      return { changed, assignedIds };
    });
    if (change.assigneeId && result.assignedIds.length > 0 && change.assigneeId !== actor.userId) {
      await this.#deps.listener.assigned(workspaceId, result.assignedIds, change.assigneeId, actor);
    }
    return result.changed;
  }

  async #apply(trx: Transaction<Database>, workspaceId: string, actor: InboxActor, row: ItemRow, change: ItemUpdate, snoozedUntil: number | null | undefined, now: number, events: InboxEventInput[]): Promise<void> {
    const log = (action: string, detail: Record<string, unknown>) => events.push({ workspaceId, itemId: row.id, action, detail, actorUserId: actor.userId });
    const set: Updateable<InboxItemTable> = {};
    if (change.status !== undefined && change.status !== row.status) {
      set.status = change.status;
      log('status', { before: row.status, after: change.status });
      if (change.status === 'done') await this.#deps.clock.recordResolved(trx, workspaceId, row.id, now, actor.userId);
      else if (row.status === 'done') await this.#deps.clock.recordReopened(trx, workspaceId, row.id);
    }
    if (change.assigneeId !== undefined && change.assigneeId !== row.assignee_id) {
      set.assignee_id = change.assigneeId;
      log('assign', { before: row.assignee_id, after: change.assigneeId });
    }
    if (change.priority !== undefined && change.priority !== row.priority) {
      set.priority = change.priority;
      log('priority', { before: row.priority, after: change.priority });
    }
    if (change.spam !== undefined && (change.spam ? 1 : 0) !== row.spam) {
      set.spam = change.spam ? 1 : 0;
      log('spam', { before: row.spam === 1, after: change.spam });
    }
    if (snoozedUntil !== undefined && snoozedUntil !== row.snoozed_until) {
      set.snoozed_until = snoozedUntil;
      log('snooze', { before: row.snoozed_until, after: snoozedUntil });
    }
    if (Object.keys(set).length > 0) {
      await trx.updateTable('inbox_item').set({ ...set, updated_at: now }).where('id', '=', row.id).where('workspace_id', '=', workspaceId).execute();
    }
    if (change.addTags?.length || change.removeTags?.length) {
      const current = new Set((await trx.selectFrom('inbox_item_tag').select('tag').where('item_id', '=', row.id).execute()).map((t) => t.tag));
      const added = [...new Set(change.addTags ?? [])].filter((tag) => !current.has(tag));
      const removed = [...new Set(change.removeTags ?? [])].filter((tag) => current.has(tag) && !added.includes(tag));
      if (added.length > 0) {
        await trx.insertInto('inbox_item_tag').values(added.map((tag) => ({ item_id: row.id, workspace_id: workspaceId, tag }))).onConflict((oc) => oc.doNothing()).execute();
        for (const tag of added) log('tag', { tag });
      }
      if (removed.length > 0) {
        await trx.deleteFrom('inbox_item_tag').where('item_id', '=', row.id).where('tag', 'in', removed).execute();
        for (const tag of removed) log('untag', { tag });
      }
      if ((added.length > 0 || removed.length > 0) && Object.keys(set).length === 0) {
        await trx.updateTable('inbox_item').set({ updated_at: now }).where('id', '=', row.id).execute();
      }
    }
  }

  /** Wakes the items whose snooze time came: back to open, the assignee told. Safe with several workers. */
  async wakeSnoozed(limit = 500): Promise<Array<{ workspaceId: string; itemId: number; assigneeId: string | null }>> {
    const now = this.#now();
    const due = await this.#deps.db
      .selectFrom('inbox_item')
      .select(['id', 'workspace_id', 'assignee_id', 'snoozed_until', 'status'])
      .where('snoozed_until', '<=', now)
      .orderBy('snoozed_until')
      .limit(limit)
      .execute();
    const woken: Array<{ workspaceId: string; itemId: number; assigneeId: string | null }> = [];
    for (const row of due) {
      const done = await this.#deps.db.transaction().execute(async (trx) => {
        // Only the worker whose update matched wakes it (and logs it) once.
        const updated = await trx
          .updateTable('inbox_item')
          .set({ snoozed_until: null, status: row.status === 'done' ? 'open' : row.status, updated_at: now })
          .where('id', '=', row.id)
          .where('snoozed_until', '=', row.snoozed_until)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return false;
        await recordInboxEvents(trx, [{ workspaceId: row.workspace_id, itemId: Number(row.id), action: 'woke', detail: { snoozedUntil: row.snoozed_until } }], now);
        return true;
      });
      if (done) woken.push({ workspaceId: row.workspace_id, itemId: Number(row.id), assigneeId: row.assignee_id });
    }
    return woken;
  }

  async addNote(workspaceId: string, actor: InboxActor & { userId: string }, itemId: number, input: NoteInput): Promise<NoteView> {
    const now = this.#now();
    const mentions = [...new Set(input.mentions)].filter((id) => id !== actor.userId);
    if (mentions.length > 0) {
      const workers = await this.#deps.workers(workspaceId);
      const unknown = mentions.filter((id) => !workers.includes(id));
      if (unknown.length > 0) throw new AppError(422, 'inbox_assignee_not_member');
    }
    const id = randomUUID();
    await this.#deps.db.transaction().execute(async (trx) => {
      const item = await trx.selectFrom('inbox_item').select('id').where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
      if (!item) throw new AppError(404, 'inbox_item_not_found');
      await trx
        .insertInto('inbox_note')
        .values({ id, workspace_id: workspaceId, item_id: itemId, author_id: actor.userId, body: input.body, mentions: JSON.stringify(mentions), created_at: now, updated_at: now })
        .execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId, action: 'note', detail: { noteId: id, mentions }, actorUserId: actor.userId }], now);
    });
    if (mentions.length > 0) await this.#deps.listener.mentioned(workspaceId, itemId, mentions, actor, input.body);
    return { id, authorId: actor.userId, authorName: actor.name, body: input.body, mentions, createdAt: new Date(now).toISOString() };
  }

  async deleteNote(workspaceId: string, userId: string, itemId: number, noteId: string): Promise<void> {
    const note = await this.#deps.db.selectFrom('inbox_note').select(['author_id']).where('workspace_id', '=', workspaceId).where('item_id', '=', itemId).where('id', '=', noteId).executeTakeFirst();
    if (!note) throw new AppError(404, 'inbox_note_not_found');
    if (note.author_id !== userId) throw new AppError(403, 'inbox_note_not_yours');
    await this.#deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('inbox_note').where('id', '=', noteId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId, action: 'note_deleted', detail: { noteId }, actorUserId: userId }], this.#now());
    });
  }

  async setAuthorTags(workspaceId: string, actor: InboxActor, authorId: string, tags: string[]): Promise<string[]> {
    const unique = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))].sort();
    const author = await this.#deps.db.selectFrom('inbox_author').select(['tags']).where('workspace_id', '=', workspaceId).where('id', '=', authorId).executeTakeFirst();
    if (!author) throw new AppError(404, 'inbox_author_not_found');
    await this.#deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('inbox_author').set({ tags: JSON.stringify(unique) }).where('id', '=', authorId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId: null, action: 'author_tags', detail: { authorId, before: JSON.parse(author.tags), after: unique }, actorUserId: actor.userId }], this.#now());
    });
    return unique;
  }
}

function futureTime(value: string, now: number): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new AppError(400, 'inbox_snooze_bad_date', { value });
  if (ms <= now) throw new AppError(422, 'inbox_snooze_in_past');
  return ms;
}
