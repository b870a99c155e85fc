// Kysely's SqliteDialect expects better-sqlite3's interface; node:sqlite is close
// but its statements have no `reader` flag and take parameters as rest arguments.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function openSqlite(file: string): { adapter: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA busy_timeout = 5000');
  raw.exec('PRAGMA foreign_keys = ON');
  // A server's cache, not a phone's: 64 MB of pages and the file mapped, so that index pages
  // are not read again through the OS on every insert.
  raw.exec('PRAGMA cache_size = -65536');
  raw.exec('PRAGMA mmap_size = 268435456');
  // Checkpoint every 64 MB of log rather than every 4 MB: pages written by several batches in a
  // row (the ends of indexes, the pages of a busy fan or thread) are copied to the database file
  // once, with one flush to disk. At a million inbox items this took ingest from about 4,600 to
  // 4,850–5,000 items/s (16 MB: 4,600).
  raw.exec('PRAGMA wal_autocheckpoint = 16000');
  // Kysely prepares a statement for every query it runs: the compiled statement and whether it
  // returns rows are kept per SQL text (asking SQLite for the columns each time cost as much as
  // running a small query).
  const cache = new Map<string, { statement: StatementSync; reader: boolean }>();
  const adapter: SqliteDatabase = {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      let prepared = cache.get(sql);
      if (!prepared) {
        const statement = raw.prepare(sql);
        prepared = { statement, reader: statement.columns().length > 0 };
        if (cache.size > 500) cache.clear();
        cache.set(sql, prepared);
      }
      const { statement: s, reader } = prepared;
      const args = (parameters: ReadonlyArray<unknown>) => parameters.map(toSqlite);
      return {
        reader,
        all: (parameters) => s.all(...args(parameters)),
        run: (parameters) => s.run(...args(parameters)),
        iterate: (parameters) => s.iterate(...args(parameters)),
      };
    },
  };
  return { adapter, raw };
}

function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}
