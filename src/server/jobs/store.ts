// Portable statements on the job table used by workers. Every write to a
// running job is guarded by `locked_by`: a worker that lost its lease (it was
// too slow, or presumed dead) can no longer touch the job.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Extends the leases of jobs still held by `owner`; returns the ids actually extended. */
export async function extendLeases(db: Kysely<Database>, owner: string, ids: number[], leaseUntil: number, now: number): Promise<number[]> {
  const rows = await db
    .updateTable('job')
    .set({ locked_until: leaseUntil, updated_at: now })
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Finished jobs are deleted rather than kept: the table stays small and claims stay fast. */
export async function deleteFinishedJobs(db: Kysely<Database>, owner: string, ids: number[]): Promise<void> {
  await db.deleteFrom('job').where('id', 'in', ids).where('locked_by', '=', owner).where('status', '=', 'running').execute();
}

export async function rescheduleJob(db: Kysely<Database>, owner: string, id: number, runAt: number, error: string, now: number): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'pending', run_at: runAt, last_error: error, locked_by: null, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

export async function buryJob(db: Kysely<Database>, owner: string, id: number, error: string, now: number): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'dead', last_error: error, locked_by: null, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

/** Gives jobs back without counting the attempt: they were interrupted by a shutdown, not failed. */
export async function releaseJobs(db: Kysely<Database>, owner: string, ids: number[], now: number): Promise<number> {
  const result = await db
    .updateTable('job')
    .set({
      status: 'pending',
      attempts: sql<number>`CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END`,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Jobs whose worker vanished (crash, SIGKILL, lost network) keep status
 * running until their lease runs out; then they go back to pending, or to
 * dead if that was their last attempt (the attempt was counted at claim).
 */
export async function reapExpiredLeases(db: Kysely<Database>, now: number): Promise<{ requeued: number; buried: number }> {
  const rows = await db
    .updateTable('job')
    .set({
      status: sql<'pending' | 'dead'>`CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'pending' END`,
      last_error: 'lease expired',
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', now)
    .returning('status')
    .execute();
  const buried = rows.filter((row) => row.status === 'dead').length;
  return { requeued: rows.length - buried, buried };
}

/** When the next pending job is due (it may already be), or null when none is waiting. */
export async function nextPendingRunAt(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('job')
    .select((eb) => eb.fn.min('run_at').as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row?.next == null ? null : Number(row.next);
}
