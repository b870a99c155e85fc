// PostgreSQL plans a queue's statements from statistics that are always
// behind (thousands of jobs arrive between two ANALYZEs). A claim must still
// touch only the jobs it takes: walking the due index in order, looking each up
// by primary key, never reading the whole table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../../../test/support/engines.ts';
import type { Database } from '../db/schema.ts';
import { claimDueJobs } from './engine-sql.ts';

async function jobTableScans(db: Kysely<Database>): Promise<number> {
  // This backend's counters reach the statistics views at the next flush; force it.
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<{ seq_scan: string }>`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'job'`.execute(db);
  return Number(rows[0]!.seq_scan);
}

test('postgres: claiming a few of 10,000 due jobs never reads the whole job table', async () => {
  const database = await createTestDatabase('postgres');
  const now = Date.now();
  await sql`
    INSERT INTO job (name, payload, status, run_at, attempts, max_attempts, created_at, updated_at)
    SELECT 'bench', '{}', 'pending', ${now}::bigint - n, 0, 3, ${now}::bigint, ${now}::bigint FROM generate_series(1, 10000) AS n`.execute(database.db);
  // As autovacuum would have it: statistics that know thousands are due, not how few one claim takes.
  await sql`ANALYZE job`.execute(database.db);
  await database.db.connection().execute(async (connection) => {
    const before = await jobTableScans(connection);
    for (const limit of [1, 17, 64]) {
      const claimed = await claimDueJobs(connection, 'postgres', { owner: 'w1', limit, now, leaseUntil: now + 30_000 });
      assert.equal(claimed.length, limit);
    }
    assert.equal(await jobTableScans(connection), before, 'no sequential scan of the job table');
  });
  const running = await database.db.selectFrom('job').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'running').executeTakeFirstOrThrow();
  assert.equal(Number(running.n), 82);
  // The oldest due first: the first claim took the job due longest ago.
  const oldest = await database.db.selectFrom('job').select('status').orderBy('run_at').limit(1).executeTakeFirstOrThrow();
  assert.equal(oldest.status, 'running');
});
