// The job queue's contract, proved on SQLite and on PostgreSQL alike.
import { describe, test, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { engines, createTestDatabase } from '../../../test/support/engines.ts';
import { waitFor } from '../../../test/support/wait.ts';
import { sleep, startWorkerProcess, exited } from '../../../test/jobs/helpers.ts';
import { createEffectTables, effectHandler, effectsOf } from '../../../test/jobs/effects.ts';
import { openDatabase, type AppDatabase } from '../db/database.ts';
import { exponentialBackoff } from './backoff.ts';
import { HandlerRegistry, type JobHandler } from './handlers.ts';
import { JobQueue } from './queue.ts';
import { Scheduler } from './scheduler.ts';
import { Worker, type WorkerOptions } from './worker.ts';

// Workers and schedulers stop at the end of each test, so none outlives the
// test that started it.
const stopAfterTest: (() => Promise<unknown>)[] = [];
const stopAll = () => Promise.all(stopAfterTest.splice(0).map((stop) => stop()));

/** A started worker, stopped at the end of the test. */
async function startWorker(database: AppDatabase, handlers: HandlerRegistry, options: WorkerOptions = {}): Promise<Worker> {
  const worker = new Worker(database, handlers, { pollMs: 200, ...options });
  await worker.start();
  stopAfterTest.push(() => worker.stop({ timeoutMs: 0 }));
  return worker;
}

async function jobRow(database: AppDatabase, id: number) {
  return database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

async function jobCount(database: AppDatabase): Promise<number> {
  const row = await database.db.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A handler that waits until its signal aborts, then rejects with the abort reason. */
function untilAborted(started: Map<number, AbortSignal>): JobHandler {
  return (_payload, { job, signal }) => {
    started.set(job.id, signal);
    return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  };
}

test('default back-off is exponential with full jitter, capped at an hour', () => {
  const highest = exponentialBackoff({ random: () => 0.999999 });
  assert.deepEqual([1, 2, 3, 4].map((attempt) => Math.round(highest(attempt) / 1000)), [1, 2, 4, 8]);
  assert.ok(highest(40) <= 3_600_000 && highest(40) > 3_599_000);
  assert.equal(exponentialBackoff({ random: () => 0 })(7), 0);
});

for (const engine of engines) {
  describe(`job queue on ${engine}`, () => {
    afterEach(stopAll);

    test('a job whose worker is SIGKILLed mid-job runs again once its lease expires, and completes once', async () => {
      const database = await createTestDatabase(engine);
      await createEffectTables(database.db);
      const queue = new JobQueue(database);
      const { id } = await queue.enqueue('effect', { hangOnAttempt: 1 });
      assert.ok(id !== null);

      const doomed = await startWorkerProcess({ database: database.config, workerId: 'doomed', leaseMs: 1_000, heartbeatMs: 250, pollMs: 100 });
      await waitFor(async () => (await effectsOf(database.db, id)).length > 0, { what: 'the first run to start' });
      doomed.kill('SIGKILL');
      assert.equal(await exited(doomed), 'SIGKILL');
      const orphan = await jobRow(database, id);
      assert.equal(orphan?.status, 'running');
      assert.equal(orphan?.locked_by, 'doomed');

      const handlers = new HandlerRegistry().register('effect', effectHandler(database.db, 'survivor'));
      await startWorker(database, handlers, { workerId: 'survivor', leaseMs: 1_000, pollMs: 100 });
      await waitFor(async () => (await jobRow(database, id)) === undefined, { what: 'the job to complete' });

      const effects = await effectsOf(database.db, id);
      assert.deepEqual(
        effects.map((e) => [e.worker_id, e.phase, e.attempt]),
        [
          ['doomed', 'started', 1],
          ['survivor', 'started', 2],
          ['survivor', 'completed', 2],
        ],
      );
      assert.ok(effects[1].at >= orphan!.locked_until!, 'the second run waited for the lease to expire');
    });

    // Several worker processes sharing the queue is the PostgreSQL deployment.
    if (engine === 'postgres') test('two worker processes drain 10,000 jobs: each runs exactly once, never twice at the same time', async () => {
      const database = await createTestDatabase(engine);
      await createEffectTables(database.db);
      const workers = await Promise.all(
        ['A', 'B'].map((workerId) => startWorkerProcess({ database: database.config, workerId, concurrency: 16, pollMs: 200 })),
      );
      const now = Date.now();
      const total = 10_000;
      await database.db.transaction().execute(async (trx) => {
        for (let from = 0; from < total; from += 1_000) {
          const rows = Array.from({ length: 1_000 }, (_, i) => ({
            name: 'track',
            payload: JSON.stringify({ n: from + i }),
            status: 'pending' as const,
            run_at: now,
            max_attempts: 5,
            created_at: now,
            updated_at: now,
          }));
          await trx.insertInto('job').values(rows).execute();
        }
        await sql`SELECT pg_notify('relais_jobs', ${String(now)})`.execute(trx);
      });

      await waitFor(async () => (await jobCount(database)) === 0, { timeoutMs: 40_000, intervalMs: 50, what: 'the queue to drain' });
      for (const worker of workers) worker.kill('SIGTERM');
      assert.deepEqual(await Promise.all(workers.map(exited)), [0, 0]);

      const { rows: perJob } = await sql<{ runs: number }>`SELECT count(*)::int AS runs FROM test_run GROUP BY job_id`.execute(database.db);
      assert.equal(perJob.length, total, 'every job ran');
      assert.ok(perJob.every((row) => row.runs === 1), 'no job ran twice');
      const { rows: overlaps } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM test_run a JOIN test_run b
          ON a.job_id = b.job_id AND a.ctid <> b.ctid AND a.started_at < b.ended_at AND b.started_at < a.ended_at`.execute(database.db);
      assert.equal(overlaps[0].n, 0, 'no job ran twice at the same time');
      const { rows: perWorker } = await sql<{ worker_id: string; n: number }>`
        SELECT worker_id, count(*)::int AS n FROM test_run GROUP BY worker_id ORDER BY worker_id`.execute(database.db);
      assert.deepEqual(perWorker.map((row) => row.worker_id), ['A', 'B'], 'both processes took part');
    });

    test('runAt is honoured: not started before, started promptly after, even when an earlier job arrives', async () => {
      const database = await createTestDatabase(engine);
      const queue = new JobQueue(database);
      const startedAt = new Map<string, number>();
      const handlers = new HandlerRegistry().register<{ label: string }>('timed', async ({ label }) => {
        startedAt.set(label, Date.now());
      });
      // A long poll: only the worker's own timer and wake-ups can make it prompt.
      await startWorker(database, handlers, { pollMs: 60_000 });
      const later = Date.now() + 600;
      await queue.enqueue('timed', { label: 'later' }, { runAt: new Date(later) });
      await sleep(20); // the worker is now asleep until `later`
      const sooner = Date.now() + 250;
      await queue.enqueue('timed', { label: 'sooner' }, { runAt: sooner });
      await waitFor(() => startedAt.size === 2, { what: 'both jobs to start' });
      for (const [label, runAt] of [['sooner', sooner], ['later', later]] as const) {
        const lateness = startedAt.get(label)! - runAt;
        assert.ok(lateness >= 0, `${label} started ${-lateness} ms early`);
        // Far below the poll interval: proves the timer and wake-ups, not speed (speed is benchmarked).
        assert.ok(lateness < 2_000, `${label} started ${lateness} ms late`);
      }
    });

    if (engine === 'postgres') test('a job enqueued by another process wakes a sleeping worker (NOTIFY)', async () => {
      const database = await createTestDatabase(engine);
      let startedAt = 0;
      const handlers = new HandlerRegistry().register('ping', async () => {
        startedAt = Date.now();
      });
      await startWorker(database, handlers, { pollMs: 60_000 });
      await sleep(50); // asleep for the full poll interval: nothing is pending
      // A separate pool: the in-process wake-up cannot reach the worker, only NOTIFY can.
      const elsewhere = openDatabase(database.config);
      after(() => elsewhere.close());
      const enqueuedAt = Date.now();
      await new JobQueue(elsewhere).enqueue('ping', null);
      await waitFor(() => startedAt > 0, { what: 'the job to start' });
      assert.ok(startedAt - enqueuedAt < 2_000, `started ${startedAt - enqueuedAt} ms after enqueue`);
    });

    test('a uniqueKey deduplicates while pending or running, and frees up once the job finished', async () => {
      const database = await createTestDatabase(engine);
      const queue = new JobQueue(database);
      const first = await queue.enqueue('unique', { n: 1 }, { uniqueKey: 'sync:42' });
      assert.equal(first.created, true);
      assert.equal(typeof first.id, 'number');
      assert.deepEqual(await queue.enqueue('unique', { n: 2 }, { uniqueKey: 'sync:42' }), { id: null, created: false });
      assert.equal((await queue.enqueue('unique', { n: 3 }, { uniqueKey: 'sync:43' })).created, true);
      assert.deepEqual(await queue.counts(), { pending: 2, running: 0, dead: 0 });

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const seen: number[] = [];
      const handlers = new HandlerRegistry().register<{ n: number }>('unique', async ({ n }) => {
        seen.push(n);
        await gate;
      });
      await startWorker(database, handlers);
      await waitFor(async () => (await queue.counts()).running === 2, { what: 'both jobs to run' });
      assert.deepEqual(await queue.enqueue('unique', { n: 4 }, { uniqueKey: 'sync:42' }), { id: null, created: false });

      release();
      await waitFor(async () => (await jobCount(database)) === 0, { what: 'the jobs to finish' });
      assert.equal((await queue.enqueue('unique', { n: 5 }, { uniqueKey: 'sync:42' })).created, true);
      await waitFor(() => seen.includes(5), { what: 'the new job to run' });
      assert.deepEqual([...seen].sort(), [1, 3, 5]);
    });

    test('failures retry with back-off, then the job is dead with its error; retry brings it back', async () => {
      const database = await createTestDatabase(engine);
      const queue = new JobQueue(database);
      const attempts: { attempt: number; at: number }[] = [];
      let failing = true;
      const handlers = new HandlerRegistry().register('flaky', async (_payload, { job }) => {
        attempts.push({ attempt: job.attempts, at: Date.now() });
        if (failing) throw new Error(`boom on attempt ${job.attempts}`);
      });
      await startWorker(database, handlers, { backoff: (attempt) => 100 * attempt });
      const { id } = await queue.enqueue('flaky', { account: 'x' }, { maxAttempts: 3, workspaceId: 'ws-1' });
      await queue.enqueue('no-such-job', { secret: 'y' }, { workspaceId: 'ws-2' });

      await waitFor(async () => (await queue.counts()).dead === 2, { what: 'both jobs to be dead' });
      assert.deepEqual(attempts.map((a) => a.attempt), [1, 2, 3]);
      assert.ok(attempts[1].at - attempts[0].at >= 100, 'waited the first back-off');
      assert.ok(attempts[2].at - attempts[1].at >= 200, 'waited the second back-off');

      const [dead] = await queue.listDead({ workspaceId: 'ws-1' });
      assert.equal(dead.id, id);
      assert.equal(dead.name, 'flaky');
      assert.deepEqual(dead.payload, { account: 'x' });
      assert.equal(dead.attempts, 3);
      assert.equal(dead.maxAttempts, 3);
      assert.match(dead.lastError ?? '', /boom on attempt 3/);
      assert.equal(dead.workspaceId, 'ws-1');
      assert.equal(typeof dead.runAt, 'number');
      assert.equal(typeof dead.updatedAt, 'number');

      const [unhandled] = await queue.listDead({ workspaceId: 'ws-2' });
      assert.equal(unhandled.attempts, 1, 'an unknown job is not retried');
      assert.match(unhandled.lastError ?? '', /no handler registered for job "no-such-job"/);
      assert.equal((await queue.listDead()).length, 2);
      assert.equal((await queue.listDead({ limit: 1 })).length, 1);

      failing = false;
      assert.equal(await queue.retry(id!), true);
      await waitFor(async () => (await jobRow(database, id!)) === undefined, { what: 'the retried job to succeed' });
      assert.deepEqual(attempts.at(-1)?.attempt, 1, 'retry starts a fresh set of attempts');
      assert.equal(await queue.retry(id!), false, 'gone');
      assert.equal(await queue.retry(unhandled.id + 1_000), false, 'unknown');
    });

    test('graceful stop lets short jobs finish and releases the rest without burning an attempt', async () => {
      const database = await createTestDatabase(engine);
      const queue = new JobQueue(database);
      const hanging = new Map<number, AbortSignal>();
      const first = new HandlerRegistry()
        .register('slow', untilAborted(hanging))
        .register('short', async () => sleep(100));
      const stopping = new Worker(database, first, { concurrency: 8, pollMs: 200, workerId: 'stopping' });
      await stopping.start();
      stopAfterTest.push(() => stopping.stop({ timeoutMs: 0 }));
      const slow = await Promise.all([1, 2, 3].map((n) => queue.enqueue('slow', { n })));
      const short = await queue.enqueue('short', null);
      await waitFor(async () => (await queue.counts()).running === 4, { what: 'all jobs to run' });

      const stopStarted = Date.now();
      await stopping.stop({ timeoutMs: 300 });
      assert.ok(Date.now() - stopStarted >= 290, 'stop waited for the grace period');
      assert.ok([...hanging.values()].every((signal) => signal.aborted), 'unfinished handlers were aborted');
      assert.equal(await jobRow(database, short.id!), undefined, 'the short job finished within the grace period');
      for (const { id } of slow) {
        const row = await jobRow(database, id!);
        assert.equal(row?.status, 'pending');
        assert.equal(row?.attempts, 0);
        assert.equal(row?.locked_by, null);
      }

      const attemptsSeen: number[] = [];
      const second = new HandlerRegistry().register('slow', async (_payload, { job }) => {
        attemptsSeen.push(job.attempts);
      });
      await startWorker(database, second, { workerId: 'successor' });
      await waitFor(async () => (await jobCount(database)) === 0, { what: 'the successor to finish them' });
      assert.deepEqual(attemptsSeen, [1, 1, 1]);
    });

    test('heartbeats keep a long job leased; a lost lease aborts its handler', async () => {
      const database = await createTestDatabase(engine);
      const queue = new JobQueue(database);
      let runs = 0;
      const lost = new Map<number, AbortSignal>();
      const handlers = new HandlerRegistry()
        .register('long', async () => {
          runs += 1;
          await sleep(3_500);
        })
        .register('lost', untilAborted(lost));
      // The job outlives its lease several times over; heartbeats must keep it. The
      // margins leave room for a loaded machine (the suite runs beside a browser).
      const options = { leaseMs: 1_500, heartbeatMs: 100, pollMs: 50 };
      await startWorker(database, handlers, { ...options, workerId: 'one' });
      await startWorker(database, handlers, { ...options, workerId: 'two' });
      await queue.enqueue('long', null);
      await waitFor(async () => (await jobCount(database)) === 0, { what: 'the long job to finish', timeoutMs: 15_000 });
      assert.equal(runs, 1, 'the lease outlived the job thanks to heartbeats');

      const { id } = await queue.enqueue('lost', null, { maxAttempts: 1 });
      await waitFor(() => lost.has(id!), { what: 'the job to start' });
      // Someone else took the job over (as if our lease had expired and been reclaimed).
      await database.db.updateTable('job').set({ locked_by: 'usurper', locked_until: Date.now() + 60_000 }).where('id', '=', id!).execute();
      await waitFor(() => lost.get(id!)!.aborted, { what: 'the handler to be aborted' });
      assert.match(String(lost.get(id!)!.reason), /lease lost/);
      await sleep(50);
      const row = await jobRow(database, id!);
      assert.equal(row?.locked_by, 'usurper', 'the worker left the job alone');
      assert.equal(row?.status, 'running');
    });

    test('two cron schedulers on one database enqueue each slot once; missed slots collapse to the latest', async () => {
      const database = await createTestDatabase(engine);
      // SQLite: both share one handle, whose transactions are serialised (two
      // handles in one process would block each other's event loop). PostgreSQL:
      // separate pools, so the two transactions really race.
      const other = engine === 'postgres' ? openDatabase(database.config) : database;
      if (other !== database) after(() => other.close());
      const secondsAgo = Math.floor((Date.now() - 3_600_000) / 1_000) * 1_000;
      let clock = secondsAgo + 500;
      const now = () => clock;
      const entries = [{ name: 'heartbeat', cron: '* * * * * *', job: 'cron-job', payload: { kind: 'tick' } }];
      const schedulers = [database, other].map(
        (db) => new Scheduler(db, new JobQueue(db, { now }), entries, { tickMs: 60_000, now }),
      );
      await Promise.all(schedulers.map((s) => s.start()));
      stopAfterTest.push(() => Promise.all(schedulers.map((s) => s.stop())));

      const slots: number[] = [];
      for (let i = 1; i <= 5; i += 1) {
        clock += 1_000;
        slots.push(secondsAgo + i * 1_000);
        const enqueued = await Promise.all(schedulers.map((s) => s.tick()));
        assert.equal(enqueued[0] + enqueued[1], 1, `slot ${i} enqueued once`);
      }
      clock += 10_000; // a downtime: ten slots missed
      slots.push(secondsAgo + 15_000);
      const afterDowntime = await Promise.all(schedulers.map((s) => s.tick()));
      assert.equal(afterDowntime[0] + afterDowntime[1], 1, 'only the latest missed slot is enqueued');
      assert.deepEqual(await Promise.all(schedulers.map((s) => s.tick())), [0, 0], 'nothing due until the next slot');

      const jobs = await database.db.selectFrom('job').select(['name', 'payload', 'run_at', 'unique_key']).orderBy('run_at').execute();
      assert.deepEqual(
        jobs.map((job) => [job.name, JSON.parse(job.payload), job.run_at, job.unique_key]),
        slots.map((slot) => ['cron-job', { kind: 'tick' }, slot, `cron:heartbeat:${slot}`]),
      );
      const entry = await database.db.selectFrom('cron_entry').selectAll().executeTakeFirstOrThrow();
      assert.equal(entry.next_run_at, secondsAgo + 16_000);

      // Left to its own timer, a scheduler ticks by itself.
      const timed = new Scheduler(database, new JobQueue(database, { now }), entries, { tickMs: 10, now });
      await timed.start();
      stopAfterTest.push(() => timed.stop());
      clock += 1_000;
      await waitFor(async () => (await jobCount(database)) === slots.length + 1, { what: 'the timer-driven tick' });
    });
  });
}
