// "Send and mark done": remembered with the reply, so that a reply approved
// later (or sent after a retry) still closes its item once it is out.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbox_reply').addColumn('mark_done', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
