// PostgreSQL: claiming due jobs becomes one statement, a function call. The
// claim must walk job_due_idx in order rather than fetch every due row and
// sort it (a queue table's statistics are always stale: PostgreSQL may expect
// a handful of due rows when thousands are waiting, 10 ms per claim at 20,000).
// It used to say so with SET LOCAL enable_sort = off inside a transaction: four
// round trips (begin, set, claim, commit) per claim. A function carries the
// setting itself. SQLite claims with one UPDATE and needs none of this.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (columnTypes(db).isSqlite) return;
  await sql`
    CREATE OR REPLACE FUNCTION relais_claim_jobs(claim_owner text, claim_limit integer, claim_now bigint, claim_lease_until bigint)
    RETURNS TABLE (id bigint, name text, payload text, attempts integer, max_attempts integer, workspace_id text, run_at bigint)
    LANGUAGE sql
    VOLATILE
    SET enable_sort = off
    AS $$
      WITH due AS MATERIALIZED (
        SELECT queued.id FROM job AS queued
        WHERE queued.status = 'pending' AND queued.run_at <= claim_now
        ORDER BY queued.run_at, queued.id
        LIMIT claim_limit
        FOR UPDATE SKIP LOCKED
      )
      UPDATE job SET status = 'running', locked_by = claim_owner, locked_until = claim_lease_until,
        attempts = job.attempts + 1, updated_at = claim_now
      FROM due WHERE job.id = due.id
      RETURNING job.id, job.name, job.payload, job.attempts, job.max_attempts, job.workspace_id, job.run_at
    $$`.execute(db);
}
