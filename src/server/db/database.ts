// Opens the application database: SQLite in the data folder by default,
// PostgreSQL when DATABASE_URL is set. Both sit behind the same Kysely types.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-database.ts';
import { PreparingClient } from './prepared-statements.ts';

export type Engine = 'sqlite' | 'postgres';

export interface AppDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** PostgreSQL connection string, for the queue's LISTEN connection. */
  postgresUrl: string | null;
  close(): Promise<void>;
}

// bigint columns hold epoch milliseconds and counters: well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function openDatabase(database: Config['database'], options: { poolSize?: number } = {}): AppDatabase {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: options.poolSize ?? 10, Client: PreparingClient });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', postgresUrl: database.url, close: () => db.destroy() };
  }
  if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
  const { adapter } = openSqlite(database.file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: adapter }) });
  return { db, engine: 'sqlite', postgresUrl: null, close: () => db.destroy() };
}

export function engineOf(db: Kysely<unknown>): Engine {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}
