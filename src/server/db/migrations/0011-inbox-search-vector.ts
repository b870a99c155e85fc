// PostgreSQL: the words of each item kept as a stored tsvector (GIN-indexed),
// so that a search for a common word can also walk the newest items first and
// test each row cheaply, instead of recomputing to_tsvector per row. The
// planner picks between both ways from the column's own statistics.
// SQLite's FTS5 index (0009) needs nothing more.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (columnTypes(db).isSqlite) return;
  await sql`ALTER TABLE inbox_item ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(db);
  await sql`DROP INDEX IF EXISTS inbox_item_search_idx`.execute(db);
  await sql`CREATE INDEX inbox_item_search_vector_idx ON inbox_item USING gin (search_vector)`.execute(db);
}
