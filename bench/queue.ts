// Job queue benchmarks, on SQLite and PostgreSQL:
//  - throughput: drain 20,000 no-op jobs (SQLite: one in-process worker;
//    PostgreSQL: two worker processes), target ≥ 5,000/s and ≥ 2,000/s;
//  - start lateness: 1,000 jobs with runAt spread uniformly over 10 s,
//    enqueued through the public API, target p99 ≤ 100 ms.
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import type { Engine } from '../src/server/db/database.ts';
import { JobQueue } from '../src/server/jobs/queue.ts';
import { Worker } from '../src/server/jobs/worker.ts';
import { benchHandlers, type QueueWorkerOptions } from './queue-worker.ts';
import {
  createBenchDatabase,
  percentile,
  startChild,
  stopChild,
  waitUntil,
  type BenchContext,
  type BenchDatabase,
  type BenchResult,
} from './support.ts';

const THROUGHPUT_JOBS = 20_000;
const LATENESS_JOBS = 1_000;
const LATENESS_SPREAD_MS = 10_000;
const ENQUEUE_HEAD_START_MS = 3_000;
const throughputTarget: Record<Engine, number> = { sqlite: 5_000, postgres: 2_000 };
const LATENESS_P99_TARGET_MS = 100;
const workerScript = fileURLToPath(new URL('./queue-worker.ts', import.meta.url));

/** The workers of one run: in-process on SQLite, two processes on PostgreSQL. */
interface WorkerPool {
  /** Stops the workers; returns the lateness samples they collected. */
  stop(): Promise<number[]>;
}

async function startWorkers(database: BenchDatabase): Promise<WorkerPool> {
  if (database.engine === 'sqlite') {
    const lateness: number[] = [];
    const worker = new Worker(database, benchHandlers(lateness), { workerId: 'bench' });
    await worker.start();
    return {
      async stop() {
        await worker.stop();
        return lateness;
      },
    };
  }
  const children: ChildProcess[] = await Promise.all(
    ['bench-a', 'bench-b'].map((workerId) =>
      startChild(workerScript, { database: database.config, workerId } satisfies QueueWorkerOptions),
    ),
  );
  return {
    async stop() {
      const reports = await Promise.all(children.map((child) => stopChild<{ lateness: number[] }>(child)));
      return reports.flatMap((report) => report?.lateness ?? []);
    },
  };
}

async function remainingJobs(database: BenchDatabase): Promise<number> {
  const row = await database.db.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts `count` due no-op jobs in one transaction, so they appear to the workers all at once. */
async function bulkEnqueue(database: BenchDatabase, count: number): Promise<void> {
  const now = Date.now();
  await database.db.transaction().execute(async (trx) => {
    for (let from = 0; from < count; from += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, count - from) }, () => ({
        name: 'noop',
        payload: 'null',
        status: 'pending' as const,
        run_at: now,
        max_attempts: 5,
        created_at: now,
        updated_at: now,
      }));
      await trx.insertInto('job').values(rows).execute();
    }
    if (database.engine === 'postgres') await sql`SELECT pg_notify('relais_jobs', ${String(now)})`.execute(trx);
  });
}

async function throughput(engine: Engine, context: BenchContext): Promise<BenchResult> {
  const database = await createBenchDatabase(engine, context);
  try {
    let started: number;
    let pool: WorkerPool;
    if (engine === 'sqlite') {
      await bulkEnqueue(database, THROUGHPUT_JOBS);
      started = performance.now();
      pool = await startWorkers(database);
    } else {
      // Worker processes first (their start-up is not what we measure), then the jobs.
      pool = await startWorkers(database);
      await bulkEnqueue(database, THROUGHPUT_JOBS);
      started = performance.now();
    }
    await waitUntil(async () => (await remainingJobs(database)) === 0);
    const seconds = (performance.now() - started) / 1_000;
    await pool.stop();
    const perSecond = Math.round(THROUGHPUT_JOBS / seconds);
    const how = engine === 'sqlite' ? '1 in-process worker' : '2 worker processes';
    console.log(`  ${engine}: drained ${THROUGHPUT_JOBS} no-op jobs in ${seconds.toFixed(2)} s with ${how}`);
    return {
      bench: `throughput, no-op jobs (${how})`,
      engine,
      measured: `${perSecond.toLocaleString('en')} jobs/s`,
      target: `≥ ${throughputTarget[engine].toLocaleString('en')} jobs/s`,
      pass: perSecond >= throughputTarget[engine],
    };
  } finally {
    await database.dispose();
  }
}

async function lateness(engine: Engine, context: BenchContext): Promise<BenchResult[]> {
  const database = await createBenchDatabase(engine, context);
  try {
    const pool = await startWorkers(database);
    const queue = new JobQueue(database);
    // Leave time to enqueue everything before the first job is due.
    const firstAt = Date.now() + ENQUEUE_HEAD_START_MS;
    for (let i = 0; i < LATENESS_JOBS; i += 1) {
      const runAt = Math.round(firstAt + Math.random() * LATENESS_SPREAD_MS);
      await queue.enqueue('timed', { runAt }, { runAt });
    }
    const spare = firstAt - Date.now();
    if (spare < 0) console.log(`  warning: enqueueing took ${ENQUEUE_HEAD_START_MS - spare} ms, past the first runAt`);
    await waitUntil(async () => (await remainingJobs(database)) === 0, { intervalMs: 100 });
    const samples = (await pool.stop()).sort((a, b) => a - b);
    if (samples.length !== LATENESS_JOBS) throw new Error(`expected ${LATENESS_JOBS} samples, got ${samples.length}`);
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const early = samples.filter((ms) => ms < 0).length;
    console.log(`  ${engine}: start lateness p50 ${p50} ms, p99 ${p99} ms, max ${samples.at(-1)} ms, started early ${early}`);
    return [
      { bench: 'start lateness p50', engine, measured: `${p50} ms`, target: '(info)', pass: early === 0 },
      { bench: 'start lateness p99', engine, measured: `${p99} ms`, target: `≤ ${LATENESS_P99_TARGET_MS} ms`, pass: early === 0 && p99 <= LATENESS_P99_TARGET_MS },
    ];
  } finally {
    await database.dispose();
  }
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of ['sqlite', 'postgres'] as const) {
    results.push(await throughput(engine, context));
    results.push(...(await lateness(engine, context)));
  }
  return results;
}
