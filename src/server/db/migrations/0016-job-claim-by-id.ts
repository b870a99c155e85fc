// PostgreSQL: the job claim function (0015) updated its rows through a join
// with the due ids, and a join lets the planner pick a hash join over a scan
// of the whole job table: it cannot know the limit is small, so it expects
// hundreds of ids. With 10,000 jobs waiting, each claim read all of them
// (7 ms instead of under one). Naming the ids as an array looks each one up by
// primary key, whatever the statistics say.
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
      WHERE job.id = ANY (ARRAY(SELECT due.id FROM due))
      RETURNING job.id, job.name, job.payload, job.attempts, job.max_attempts, job.workspace_id, job.run_at
    $$`.execute(db);
}
