// Less to write per arriving message. The per-author and per-conversation
// counters were updated on every batch (a random page each, for figures the
// author card counts from the items' own index when it is opened), and the
// snooze index held an entry for every item although only snoozed ones are
// ever looked up in it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbox_author').dropColumn('item_count').execute();
  await db.schema.alterTable('inbox_author').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('inbox_conversation').dropColumn('item_count').execute();
  await db.schema.alterTable('inbox_conversation').dropColumn('last_item_at').execute();
  await db.schema.dropIndex('inbox_item_snooze_idx').execute();
  await db.schema.createIndex('inbox_item_snooze_idx').on('inbox_item').column('snoozed_until').where(sql.ref('snoozed_until'), 'is not', null).execute();
}
