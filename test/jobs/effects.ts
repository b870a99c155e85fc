// Tables and handlers through which test jobs leave evidence of their runs,
// shared by the test file and the worker child process.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import type { JobHandler } from '../../src/server/jobs/handlers.ts';

export async function createEffectTables(db: Kysely<Database>): Promise<void> {
  await sql`CREATE TABLE test_effect (job_id bigint NOT NULL, worker_id text NOT NULL, phase text NOT NULL, attempt integer NOT NULL, at bigint NOT NULL)`.execute(db);
  await sql`CREATE TABLE test_run (job_id bigint NOT NULL, worker_id text NOT NULL, started_at double precision NOT NULL, ended_at double precision NOT NULL)`.execute(db);
}

export interface Effect {
  job_id: number;
  worker_id: string;
  phase: 'started' | 'completed';
  attempt: number;
  at: number;
}

export async function effectsOf(db: Kysely<Database>, jobId: number): Promise<Effect[]> {
  const { rows } = await sql<Effect>`SELECT job_id, worker_id, phase, attempt, at FROM test_effect WHERE job_id = ${jobId} ORDER BY at`.execute(db);
  return rows.map((row) => ({ ...row, job_id: Number(row.job_id), at: Number(row.at) }));
}

/** Records "started", then, unless this is the attempt told to hang, "completed". */
export function effectHandler(db: Kysely<Database>, workerId: string): JobHandler<{ hangOnAttempt?: number }> {
  const record = (jobId: number, phase: string, attempt: number) =>
    sql`INSERT INTO test_effect (job_id, worker_id, phase, attempt, at) VALUES (${jobId}, ${workerId}, ${phase}, ${attempt}, ${Date.now()})`.execute(db);
  return async (payload, { job, signal }) => {
    await record(job.id, 'started', job.attempts);
    if (payload.hangOnAttempt === job.attempts) {
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }
    await record(job.id, 'completed', job.attempts);
  };
}

export type RunRecord = [jobId: number, workerId: string, startedAt: number, endedAt: number];

/** Precise wall-clock time, comparable across processes on one machine. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Notes start and end of each run in memory (recorded in bulk by `saveRuns`): no extra query per job. */
export function trackingHandler(workerId: string, runs: RunRecord[]): JobHandler {
  return async (_payload, { job }) => {
    const startedAt = preciseNow();
    // Yield so that jobs really overlap in time inside a worker.
    await new Promise((resolve) => setImmediate(resolve));
    runs.push([job.id, workerId, startedAt, preciseNow()]);
  };
}

export async function saveRuns(db: Kysely<Database>, runs: RunRecord[]): Promise<void> {
  while (runs.length > 0) {
    const batch = runs.splice(0, 500);
    const values = sql.join(batch.map((run) => sql`(${run[0]}, ${run[1]}, ${run[2]}, ${run[3]})`));
    await sql`INSERT INTO test_run (job_id, worker_id, started_at, ended_at) VALUES ${values}`.execute(db);
  }
}
