// PostgreSQL: an inbox item no longer checks its workspace on insert. The
// check ran once per row (a query each) for a guarantee the channel already
// gives: an item belongs to a channel of its workspace, the channel's own key
// cascades, so deleting a workspace still deletes its channels and their items.
// SQLite checks keys inside the engine, cheaply, and would have to rebuild the
// table to drop one: it keeps it.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (columnTypes(db).isSqlite) return;
  await sql`ALTER TABLE inbox_item DROP CONSTRAINT IF EXISTS inbox_item_workspace_id_fkey`.execute(db);
}
