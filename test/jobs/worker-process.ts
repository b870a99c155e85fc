// A job worker in its own process, for tests that kill workers or need two
// processes competing for the same jobs. Started by helpers.ts; stops
// gracefully on SIGTERM.
import type { Config } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { HandlerRegistry } from '../../src/server/jobs/handlers.ts';
import { Worker } from '../../src/server/jobs/worker.ts';
import { effectHandler, saveRuns, trackingHandler, type RunRecord } from './effects.ts';

export interface WorkerProcessOptions {
  database: Config['database'];
  workerId: string;
  leaseMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  concurrency?: number;
}

const options = JSON.parse(process.argv[2]!) as WorkerProcessOptions;
const database = openDatabase(options.database);
const runs: RunRecord[] = [];
const handlers = new HandlerRegistry()
  .register('effect', effectHandler(database.db, options.workerId))
  .register('track', trackingHandler(options.workerId, runs));
const worker = new Worker(database, handlers, {
  workerId: options.workerId,
  leaseMs: options.leaseMs,
  heartbeatMs: options.heartbeatMs,
  pollMs: options.pollMs,
  concurrency: options.concurrency,
});
await worker.start();
process.send!('ready');

process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await saveRuns(database.db, runs);
    await database.close();
    process.exit(0);
  })();
});
