// The statements that differ between PostgreSQL and SQLite: claiming due jobs
// (row locks on PostgreSQL) and inserting a job (plus NOTIFY on PostgreSQL).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { insertRows } from '../db/bulk-insert.ts';
import { prepared } from '../db/prepared-statements.ts';

/** PostgreSQL channel on which enqueuers tell every worker process "a job is due at <epoch ms>". */
export const JOB_CHANNEL = 'relais_jobs';

export interface NewJob {
  name: string;
  payload: string;
  runAt: number;
  maxAttempts: number;
  uniqueKey: string | null;
  workspaceId: string | null;
  now: number;
}

/** A new job's row: pending, no attempt yet. */
function jobRow(job: NewJob) {
  return {
    name: job.name,
    payload: job.payload,
    status: 'pending' as const,
    run_at: job.runAt,
    attempts: 0,
    max_attempts: job.maxAttempts,
    unique_key: job.uniqueKey,
    workspace_id: job.workspaceId,
    created_at: job.now,
    updated_at: job.now,
  };
}

/** Inserts a pending job; null when its unique key is already held by a pending or running job. */
export async function insertJob(db: Kysely<Database>, engine: Engine, job: NewJob): Promise<number | null> {
  if (engine === 'postgres') {
    // One round trip: the NOTIFY only fires for a row actually inserted, and
    // inside a transaction PostgreSQL delivers it on commit.
    const { rows } = await sql<{ id: number }>`
      WITH inserted AS (
        INSERT INTO job (name, payload, status, run_at, attempts, max_attempts, unique_key, workspace_id, created_at, updated_at)
        VALUES (${job.name}, ${job.payload}, 'pending', ${job.runAt}, 0, ${job.maxAttempts}, ${job.uniqueKey}, ${job.workspaceId}, ${job.now}, ${job.now})
        ON CONFLICT DO NOTHING
        RETURNING id, run_at
      )
      SELECT id, pg_notify(${JOB_CHANNEL}, run_at::text) AS notified FROM inserted`.execute(db);
    return rows[0]?.id ?? null;
  }
  // No conflict target: the partial unique index on unique_key is the only one that can fire.
  const row = await db
    .insertInto('job')
    .values(jobRow(job))
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Inserts several pending jobs in one statement, skipping those whose unique key is held; returns the
 * run times of those inserted. On PostgreSQL the caller wakes the workers (inside a transaction the
 * NOTIFY is delivered on commit).
 */
export async function insertJobs(db: Kysely<Database>, engine: Engine, jobs: NewJob[]): Promise<number[]> {
  if (jobs.length === 0) return [];
  const inserted = await insertRows(db, 'job', jobs.map(jobRow), engine === 'postgres')
    .onConflict((conflict) => conflict.doNothing())
    .returning('run_at')
    .execute();
  return inserted.map((row) => Number(row.run_at));
}

/**
 * PostgreSQL: the body of a data-modifying CTE that inserts the jobs whose `key` is an `id` of the CTE
 * `onlyFor` (skipping held unique keys) and returns their run_at; `notifyFrom` then wakes the workers once.
 * For a statement that writes a change and its jobs in one round trip.
 */
export function insertJobsFor(jobs: Array<NewJob & { key: string }>, onlyFor: string): RawBuilder<unknown> {
  const json = JSON.stringify(jobs);
  return sql`
    INSERT INTO job (name, payload, status, run_at, attempts, max_attempts, unique_key, workspace_id, created_at, updated_at)
    SELECT j.name, j.payload, 'pending', j."runAt", 0, j."maxAttempts", j."uniqueKey", j."workspaceId", j.now, j.now
    FROM json_to_recordset(${json}::json) AS j(key text, name text, payload text, "runAt" bigint, "maxAttempts" integer, "uniqueKey" text, "workspaceId" text, now bigint)
    JOIN ${sql.table(onlyFor)} AS only_for ON only_for.id = j.key
    ON CONFLICT DO NOTHING
    RETURNING run_at`;
}

/** PostgreSQL: one NOTIFY for the earliest job the CTE `inserted` returned, none when it inserted nothing. */
export function notifyFrom(inserted: string): RawBuilder<unknown> {
  return sql`(SELECT pg_notify(${JOB_CHANNEL}, min(run_at)::text) FROM ${sql.table(inserted)} HAVING count(*) > 0)`;
}

export interface ClaimedJob {
  id: number;
  name: string;
  payload: string;
  attempts: number;
  max_attempts: number;
  workspace_id: string | null;
  run_at: number;
}

/**
 * Atomically moves up to `limit` due jobs to running under `owner`'s lease and
 * counts the attempt. On PostgreSQL, SKIP LOCKED lets concurrent workers take
 * disjoint batches without waiting on each other; the CTE is MATERIALIZED so
 * the locking sub-select runs exactly once (migration 0015 holds the statement,
 * in a function that also rules out a sort). On SQLite a single UPDATE…RETURNING
 * is atomic on its own (one writer at a time).
 */
export async function claimDueJobs(
  db: Kysely<Database>,
  engine: Engine,
  claim: { owner: string; limit: number; now: number; leaseUntil: number },
): Promise<ClaimedJob[]> {
  const { owner, limit, now, leaseUntil } = claim;
  if (engine === 'postgres') {
    // One statement: the function walks job_due_idx in order, never sorting (see migration 0015).
    const { rows } = await sql<ClaimedJob>`${prepared}SELECT * FROM relais_claim_jobs(${owner}, ${limit}, ${now}, ${leaseUntil})`.execute(db);
    return rows;
  }
  const { rows } = await sql<ClaimedJob>`
    UPDATE job SET status = 'running', locked_by = ${owner}, locked_until = ${leaseUntil},
      attempts = attempts + 1, updated_at = ${now}
    WHERE id IN (
      SELECT id FROM job
      WHERE status = 'pending' AND run_at <= ${now}
      ORDER BY run_at, id
      LIMIT ${limit}
    )
    RETURNING id, name, payload, attempts, max_attempts, workspace_id, run_at`.execute(db);
  return rows;
}

/** Wakes worker processes listening on PostgreSQL (no-op on SQLite: workers share this process). */
export async function notifyWorkers(db: Kysely<Database>, engine: Engine, runAt: number): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`SELECT pg_notify(${JOB_CHANNEL}, ${String(runAt)})`.execute(db);
}
