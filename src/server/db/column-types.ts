// The few column types that differ between SQLite and PostgreSQL. Migrations
// are written once and ask for these instead of naming engine types.
import { sql, type Kysely, type ColumnDataType, type Expression } from 'kysely';
import { engineOf } from './database.ts';

export function columnTypes(db: Kysely<unknown>) {
  const isSqlite = engineOf(db) === 'sqlite';
  return {
    isSqlite,
    /** better-auth stores booleans natively on PostgreSQL, as 0/1 on SQLite. */
    boolean: (isSqlite ? 'integer' : 'boolean') as ColumnDataType,
    /** better-auth's dates: ISO text on SQLite, timestamptz on PostgreSQL. */
    timestamp: (isSqlite ? 'date' : 'timestamptz') as ColumnDataType | Expression<unknown>,
    /** Monotonic integer ids for append-heavy tables. */
    autoId: (isSqlite ? 'integer' : sql`bigserial`) as ColumnDataType | Expression<unknown>,
  };
}
