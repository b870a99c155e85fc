// The inbox's log: every change to an item, by a person, a rule or Relais
// itself, is one row of inbox_event. It is the item's history, the live feed
// (server-sent events resume from an event id, across processes and engines)
// and what "undo" reverses (the detail keeps the value before the change).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertRows } from '../../db/bulk-insert.ts';

export type InboxDb = Kysely<Database> | Transaction<Database>;

export interface InboxEventInput {
  workspaceId: string;
  itemId: number | null;
  /** created | status | assign | tag | untag | priority | spam | snooze | woke | note | reply | reply_sent | like | author_tags … */
  action: string;
  /** What changed; for reversible actions `{ before, after }`. */
  detail?: Record<string, unknown>;
  actorUserId?: string | null;
  actorRuleId?: string | null;
}

export async function recordInboxEvents(db: InboxDb, events: InboxEventInput[], now: number = Date.now()): Promise<void> {
  if (events.length === 0) return;
  // Small logs (a person's change) as plain VALUES; a batch's arrivals as one JSON parameter on PostgreSQL.
  const rows = events.map((event) => ({
    workspace_id: event.workspaceId,
    item_id: event.itemId,
    action: event.action,
    detail: JSON.stringify(event.detail ?? {}),
    actor_user_id: event.actorUserId ?? null,
    actor_rule_id: event.actorRuleId ?? null,
    reversed_at: null,
    reversed_by: null,
    created_at: now,
  }));
  await (rows.length > 20 ? insertRows(db, 'inbox_event', rows) : db.insertInto('inbox_event').values(rows)).execute();
}
