// The consumer side of the job queue. A worker claims due jobs in batches,
// runs them with bounded concurrency under a lease it keeps alive with
// heartbeats, and records the outcome. Delivery is at-least-once: a job whose
// worker dies runs again once its lease expires, so handlers must be idempotent.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppDatabase } from '../db/database.ts';
import { defaultBackoff, type Backoff } from './backoff.ts';
import { claimDueJobs, notifyWorkers, type ClaimedJob } from './engine-sql.ts';
import type { HandlerRegistry, JobContext } from './handlers.ts';
import { JobListener } from './listener.ts';
import { describeError, silentLogger, type JobLogger } from './logger.ts';
import {
  buryJob,
  deleteFinishedJobs,
  extendLeases,
  nextPendingRunAt,
  reapExpiredLeases,
  releaseJobs,
  rescheduleJob,
} from './store.ts';
import { Alarm, announceJob, onJobAnnounced } from './wakeup.ts';

export interface WorkerOptions {
  /** Jobs run at once by this worker (default 16). */
  concurrency?: number;
  /** How long a claimed job stays ours without a heartbeat (default 30 s). */
  leaseMs?: number;
  /** How often leases of running jobs are extended (default leaseMs / 3). */
  heartbeatMs?: number;
  /** Longest sleep between looks at the database, whatever wake-ups say (default 1 s). */
  pollMs?: number;
  /** Written to job.locked_by; defaults to host:pid:random. */
  workerId?: string;
  logger?: JobLogger;
  /** Delay (ms) before retrying after failed attempt number `attempt` (1-based). */
  backoff?: Backoff;
}

interface RunningJob {
  job: ClaimedJob;
  controller: AbortController;
  /** Set once the outcome must not be written: lease lost, or released at shutdown. */
  abandoned: boolean;
  settled: Promise<void>;
}

// When a due job was there but another worker locked it first, look again soon
// rather than spin.
const CONTENDED_RETRY_MS = 10;
// Timers may fire a millisecond early against Date.now(); arriving just after
// run_at avoids a wasted claim.
const TIMER_MARGIN_MS = 2;
const MAX_DELETE_BATCH = 1_000;
// The longest a job waits for other slots to free up so that they are claimed together.
const GATHER_MS = 5;
// While other jobs run, successes are gathered this long for one DELETE (a finished job stays leased meanwhile).
const FINISHED_GATHER_MS = 10;

export class Worker {
  readonly id: string;
  readonly #database: AppDatabase;
  readonly #handlers: HandlerRegistry;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #heartbeatMs: number;
  readonly #pollMs: number;
  readonly #reapEveryMs: number;
  readonly #logger: JobLogger;
  readonly #backoff: Backoff;

  readonly #running = new Map<number, RunningJob>();
  readonly #alarm = new Alarm();
  #owner: string;
  #starts = 0;
  #stopping = false;
  #loop: Promise<void> | null = null;
  #stopped: Promise<void> | null = null;
  #heartbeatTimer: NodeJS.Timeout | null = null;
  #heartbeating = false;
  #listener: JobListener | null = null;
  #unsubscribe: (() => void) | null = null;
  #lastReapAt = 0;
  /** Ids of succeeded jobs waiting for one batched DELETE. */
  #finished: number[] = [];
  #flushQueued = false;
  #flushes: Promise<void> = Promise.resolve();

  constructor(database: AppDatabase, handlers: HandlerRegistry, options: WorkerOptions = {}) {
    this.#database = database;
    this.#handlers = handlers;
    this.#concurrency = options.concurrency ?? 16;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(this.#leaseMs / 3));
    this.#pollMs = options.pollMs ?? 1_000;
    this.#reapEveryMs = Math.min(this.#pollMs, this.#leaseMs / 2);
    this.#logger = options.logger ?? silentLogger;
    this.#backoff = options.backoff ?? defaultBackoff;
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.#owner = this.id;
    if (!(this.#concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
    if (this.#heartbeatMs >= this.#leaseMs) throw new RangeError('heartbeatMs must be shorter than leaseMs');
  }

  async start(): Promise<void> {
    if (this.#loop) return;
    // A restarted worker takes a new lease name, so late outcomes of jobs it
    // abandoned before cannot be mistaken for outcomes of jobs it holds now.
    this.#starts += 1;
    this.#owner = this.#starts === 1 ? this.id : `${this.id}#${this.#starts}`;
    this.#stopping = false;
    this.#unsubscribe = onJobAnnounced(this.#database.db, (runAt) => this.#alarm.ring(runAt));
    if (this.#database.engine === 'postgres' && this.#database.postgresUrl) {
      this.#listener = new JobListener(this.#database.postgresUrl, (runAt) => this.#alarm.ring(runAt), this.#logger);
      try {
        await this.#listener.start();
      } catch (error) {
        this.#unsubscribe();
        this.#listener = null;
        throw error;
      }
    }
    this.#heartbeatTimer = setInterval(() => void this.#heartbeat(), this.#heartbeatMs);
    this.#loop = this.#claimLoop();
    this.#logger.info({ workerId: this.#owner, concurrency: this.#concurrency }, 'job worker started');
  }

  /**
   * Stops claiming, lets running jobs finish for up to `timeoutMs` (default
   * 10 s), then aborts the rest and releases them: back to pending, their
   * attempt not counted, for another worker to take.
   */
  stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.#loop) return Promise.resolve();
    this.#stopped ??= this.#shutDown(this.#loop, options.timeoutMs ?? 10_000).finally(() => {
      this.#loop = null;
      this.#stopped = null;
    });
    return this.#stopped;
  }

  async #shutDown(loop: Promise<void>, timeoutMs: number): Promise<void> {
    this.#stopping = true;
    this.#alarm.ring();
    await loop;

    await settleWithin([...this.#running.values()].map((run) => run.settled), timeoutMs);

    const left = [...this.#running.values()].filter((run) => !run.abandoned);
    if (left.length > 0) {
      for (const run of left) run.abandoned = true;
      for (const run of left) run.controller.abort(new Error('worker stopping'));
      try {
        const now = Date.now();
        const released = await releaseJobs(this.#database.db, this.#owner, left.map((run) => run.job.id), now);
        await notifyWorkers(this.#database.db, this.#database.engine, now);
        announceJob(this.#database.db, now);
        this.#logger.info({ workerId: this.#owner, released }, 'job worker released unfinished jobs');
      } catch (error) {
        // Their leases will expire instead; the attempt is then counted.
        this.#logger.error({ workerId: this.#owner, err: describeError(error) }, 'could not release unfinished jobs');
      }
    }

    if (this.#heartbeatTimer) clearInterval(this.#heartbeatTimer);
    this.#heartbeatTimer = null;
    await this.#flushFinished();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    await this.#listener?.stop();
    this.#listener = null;
    this.#logger.info({ workerId: this.#owner }, 'job worker stopped');
  }

  async #claimLoop(): Promise<void> {
    while (!this.#stopping) {
      try {
        await this.#claimOnce();
      } catch (error) {
        this.#logger.error({ workerId: this.#owner, err: describeError(error) }, 'job worker could not reach the database');
        await this.#alarm.sleep(this.#pollMs);
      }
    }
  }

  /** One look at the database, then a sleep until there is a reason to look again. */
  async #claimOnce(): Promise<void> {
    // Rings from here on are kept: they may concern rows our queries missed.
    this.#alarm.reset();
    await this.#reapIfDue();
    if (this.#concurrency - this.#running.size <= 0) {
      await this.#alarm.sleep(this.#pollMs); // a finishing job rings
      return;
    }
    await this.#gatherFreeSlots();
    const free = this.#concurrency - this.#running.size;
    const now = Date.now();
    const jobs = await claimDueJobs(this.#database.db, this.#database.engine, {
      owner: this.#owner,
      limit: free,
      now,
      leaseUntil: now + this.#leaseMs,
    });
    for (const job of jobs) this.#launch(job);
    if (jobs.length === free || this.#stopping) return; // more may be due: claim again as slots free up

    const next = await nextPendingRunAt(this.#database.db);
    if (next === null) return this.#alarm.sleep(this.#pollMs);
    const wait = next - Date.now();
    if (wait > 0) return this.#alarm.sleep(Math.min(this.#pollMs, wait + TIMER_MARGIN_MS));
    // Due but not claimed: another worker has it locked right now, or it just became due.
    if (jobs.length === 0) await this.#alarm.sleep(CONTENDED_RETRY_MS);
  }

  /**
   * Under load jobs finish one at a time, and claiming each freed slot alone costs a statement
   * (a write, a commit) per job. While other jobs run, wait a little for a few slots to free up
   * and claim them together: a job waits at most GATHER_MS for it, and not at all when the
   * worker is idle.
   */
  async #gatherFreeSlots(): Promise<void> {
    const wanted = Math.max(1, Math.floor(this.#concurrency / 8));
    const until = Date.now() + GATHER_MS;
    while (this.#running.size > 0 && this.#concurrency - this.#running.size < wanted && !this.#stopping) {
      const left = until - Date.now();
      if (left <= 0) return;
      this.#alarm.reset();
      await this.#alarm.sleep(left);
    }
  }

  async #reapIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastReapAt < this.#reapEveryMs) return;
    this.#lastReapAt = now;
    const { requeued, buried } = await reapExpiredLeases(this.#database.db, now);
    if (requeued + buried > 0) this.#logger.warn({ requeued, buried }, 'reclaimed jobs whose worker stopped heartbeating');
  }

  #launch(job: ClaimedJob): void {
    const run: RunningJob = { job, controller: new AbortController(), abandoned: false, settled: Promise.resolve() };
    this.#running.set(job.id, run);
    run.settled = this.#execute(run)
      .catch((error) => this.#logger.error({ jobId: job.id, job: job.name, err: describeError(error) }, 'could not record job outcome'))
      .finally(() => {
        this.#running.delete(job.id);
        this.#alarm.ring();
      });
  }

  async #execute(run: RunningJob): Promise<void> {
    const { job } = run;
    const handler = this.#handlers.get(job.name);
    if (!handler) return this.#bury(run, `no handler registered for job "${job.name}"`);
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch {
      return this.#bury(run, 'payload is not valid JSON');
    }
    const context: JobContext = {
      job: { id: job.id, name: job.name, attempts: job.attempts, maxAttempts: job.max_attempts, workspaceId: job.workspace_id },
      signal: run.controller.signal,
    };
    this.#logger.debug({ jobId: job.id, job: job.name, attempt: job.attempts }, 'job started');
    try {
      await handler(payload, context);
    } catch (error) {
      if (!run.abandoned) await this.#fail(run, error);
      return;
    }
    if (run.abandoned) return;
    this.#finished.push(job.id);
    this.#queueFlush();
  }

  async #fail(run: RunningJob, error: unknown): Promise<void> {
    const { job } = run;
    const message = describeError(error);
    const now = Date.now();
    if (job.attempts >= job.max_attempts) return this.#bury(run, message);
    const delay = Math.max(0, this.#backoff(job.attempts));
    await rescheduleJob(this.#database.db, this.#owner, job.id, now + delay, message, now);
    this.#logger.warn({ jobId: job.id, job: job.name, attempt: job.attempts, retryInMs: delay, err: message }, 'job failed; will retry');
  }

  async #bury(run: RunningJob, message: string): Promise<void> {
    const { job } = run;
    await buryJob(this.#database.db, this.#owner, job.id, message, Date.now());
    this.#logger.error({ jobId: job.id, job: job.name, attempt: job.attempts, err: message }, 'job is dead');
  }

  /** Successes are deleted together: at the end of this turn of the event loop when the worker is otherwise idle, a little later while it is busy. */
  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    // The job that just finished is still counted as running.
    if (this.#running.size > 1) setTimeout(() => void this.#flushFinished(), FINISHED_GATHER_MS);
    else setImmediate(() => void this.#flushFinished());
  }

  #flushFinished(): Promise<void> {
    this.#flushes = this.#flushes.then(async () => {
      this.#flushQueued = false;
      while (this.#finished.length > 0) {
        const ids = this.#finished.splice(0, MAX_DELETE_BATCH);
        try {
          await deleteFinishedJobs(this.#database.db, this.#owner, ids);
        } catch (error) {
          // The rows stay running; when their lease expires they run again (at-least-once).
          this.#logger.error({ workerId: this.#owner, count: ids.length, err: describeError(error) }, 'could not delete finished jobs');
        }
      }
    });
    return this.#flushes;
  }

  /** Extends every held lease at once; jobs whose lease was taken over are aborted. */
  async #heartbeat(): Promise<void> {
    if (this.#heartbeating) return;
    const held = [...this.#running.values()].filter((run) => !run.abandoned);
    if (held.length === 0) return;
    this.#heartbeating = true;
    try {
      const now = Date.now();
      const kept = new Set(
        await extendLeases(this.#database.db, this.#owner, held.map((run) => run.job.id), now + this.#leaseMs, now),
      );
      for (const run of held) {
        // A job that finished meanwhile was removed from #running: not lost.
        if (kept.has(run.job.id) || run.abandoned || this.#running.get(run.job.id) !== run) continue;
        run.abandoned = true;
        run.controller.abort(new Error('job lease lost'));
        this.#logger.warn({ jobId: run.job.id, job: run.job.name }, 'job lease lost; aborting it');
      }
    } catch (error) {
      this.#logger.warn({ workerId: this.#owner, err: describeError(error) }, 'job heartbeat failed');
    } finally {
      this.#heartbeating = false;
    }
  }
}

function settleWithin(promises: Promise<unknown>[], timeoutMs: number): Promise<void> {
  if (promises.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void Promise.allSettled(promises).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
