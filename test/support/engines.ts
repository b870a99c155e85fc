// Runs a suite on both engines: SQLite in a temporary file and PostgreSQL in a
// fresh database on the test server (TEST_DATABASE_URL, set by the test set-up;
// when a file is run alone, an embedded server is started for it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup } from './cleanup.ts';
import type { Config } from '../../src/server/config.ts';
import { openDatabase, type AppDatabase, type Engine } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.ts';

export const engines: Engine[] = ['sqlite', 'postgres'];

let ownServer: Promise<RunningPostgres> | null = null;

/** The test PostgreSQL server: TEST_DATABASE_URL, or one started for this file. */
export async function postgresServerUrl(): Promise<string> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return given;
  if (!ownServer) {
    ownServer = startEmbeddedPostgres();
    onCleanup(async () => (await ownServer!).stop());
  }
  return (await ownServer).url;
}

/** A brand-new empty database on the given engine, described as Relais' config would. */
export async function createTestDatabaseConfig(engine: Engine): Promise<Config['database']> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-sqlite-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    return { kind: 'sqlite', file: path.join(dir, 'relais.db') };
  }
  const serverUrl = await postgresServerUrl();
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', url: url.toString() };
}

/** A migrated database on the given engine, closed when the test file ends. */
export async function createTestDatabase(engine: Engine): Promise<AppDatabase & { config: Config['database'] }> {
  const config = await createTestDatabaseConfig(engine);
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  onCleanup(() => database.close());
  return { ...database, config };
}
