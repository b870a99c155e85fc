// The producer side of the durable job queue: enqueue work, inspect and
// retry dead jobs. The job table is the truth; a job only carries work.
import { sql, type Transaction } from 'kysely';
import type { AppDatabase } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { insertJob, notifyWorkers, type NewJob } from './engine-sql.ts';
import { announceJob } from './wakeup.ts';

export interface EnqueueOptions {
  /** Not run before this moment (default: now). */
  runAt?: Date | number;
  /** While a job with this key is pending or running, enqueueing another with the same key is a no-op. */
  uniqueKey?: string;
  /** Attempts before the job is declared dead (default 5). */
  maxAttempts?: number;
  workspaceId?: string | null;
}

export interface DeadJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: number;
  updatedAt: number;
  workspaceId: string | null;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export class JobQueue {
  readonly #database: AppDatabase;
  readonly #now: () => number;

  constructor(database: AppDatabase, options: { now?: () => number } = {}) {
    this.#database = database;
    this.#now = options.now ?? Date.now;
  }

  /** `created` is false (and `id` null) when `uniqueKey` matched a job still pending or running. */
  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<{ id: number | null; created: boolean }> {
    return this.#insert(this.#database.db, name, payload, options);
  }

  /**
   * Enqueues as part of the caller's transaction: the job exists only if the
   * transaction commits (no job for a rolled-back change, no change without
   * its job). PostgreSQL delivers the wake-up NOTIFY at commit; on SQLite,
   * local workers wait for the transaction to release the connection.
   */
  async enqueueInTransaction(
    trx: Transaction<Database>,
    name: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<{ id: number | null; created: boolean }> {
    return this.#insert(trx, name, payload, options);
  }

  /** A job row checked and ready to insert, for a statement that inserts jobs along with other rows (see engine-sql.ts). */
  newJob(name: string, payload: unknown, options: EnqueueOptions = {}, now = this.#now()): NewJob {
    const runAt = options.runAt === undefined ? now : typeof options.runAt === 'number' ? options.runAt : options.runAt.getTime();
    if (!Number.isFinite(runAt)) throw new TypeError('runAt must be a valid date or epoch milliseconds');
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new TypeError('maxAttempts must be a positive integer');
    return { name, payload: JSON.stringify(payload ?? null), runAt: Math.round(runAt), maxAttempts, uniqueKey: options.uniqueKey ?? null, workspaceId: options.workspaceId ?? null, now };
  }

  /** Wakes this process's idle workers for a job inserted at `runAt` (other processes hear PostgreSQL's NOTIFY). */
  announce(runAt: number): void {
    announceJob(this.#database.db, runAt);
  }

  async #insert(db: Transaction<Database> | AppDatabase['db'], name: string, payload: unknown, options: EnqueueOptions) {
    const job = this.newJob(name, payload, options, this.#now());
    const id = await insertJob(db, this.#database.engine, job);
    if (id !== null) announceJob(this.#database.db, job.runAt);
    return { id, created: id !== null };
  }

  /** Dead jobs, most recently failed first. */
  async listDead(options: { limit?: number; workspaceId?: string } = {}): Promise<DeadJob[]> {
    let query = this.#database.db
      .selectFrom('job')
      .select(['id', 'name', 'payload', 'attempts', 'max_attempts', 'last_error', 'run_at', 'updated_at', 'workspace_id'])
      .where('status', '=', 'dead');
    if (options.workspaceId !== undefined) query = query.where('workspace_id', '=', options.workspaceId);
    const rows = await query
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit ?? 100)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      payload: parsePayload(row.payload),
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      lastError: row.last_error,
      runAt: row.run_at,
      updatedAt: row.updated_at,
      workspaceId: row.workspace_id,
    }));
  }

  /**
   * Gives a dead job a fresh set of attempts, to run now. False when the job
   * is unknown, not dead, or its unique key is held by a newer live job (the
   * same work is already queued).
   */
  async retry(id: number): Promise<boolean> {
    const now = this.#now();
    const { db, engine } = this.#database;
    try {
      const result = await db
        .updateTable('job')
        .set({ status: 'pending', attempts: 0, run_at: now, locked_by: null, locked_until: null, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .where(({ or, eb, not, exists, selectFrom }) =>
          or([
            eb('unique_key', 'is', null),
            not(
              exists(
                selectFrom('job as live')
                  .select(sql.lit(1).as('one'))
                  .whereRef('live.unique_key', '=', 'job.unique_key')
                  .where('live.status', 'in', ['pending', 'running']),
              ),
            ),
          ]),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
    } catch (error) {
      // A live job with the same key appeared between the check and the update.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    await notifyWorkers(db, engine, now);
    announceJob(db, now);
    return true;
  }

  async counts(): Promise<{ pending: number; running: number; dead: number }> {
    const rows = await this.#database.db
      .selectFrom('job')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    const counts = { pending: 0, running: 0, dead: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errcode?: number; message?: string };
  return e?.code === '23505' || e?.errcode === 2067 || /UNIQUE constraint failed/.test(e?.message ?? '');
}
