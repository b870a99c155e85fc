// One job worker process for the queue benchmark. Handlers: `noop` does
// nothing; `timed` measures how late it started against payload.runAt. On
// SIGTERM it stops gracefully and sends back its lateness samples.
import type { Config } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { HandlerRegistry } from '../src/server/jobs/handlers.ts';
import { Worker } from '../src/server/jobs/worker.ts';

export interface QueueWorkerOptions {
  database: Config['database'];
  workerId: string;
  concurrency?: number;
}

export function benchHandlers(lateness: number[]): HandlerRegistry {
  return new HandlerRegistry()
    .register('noop', async () => {})
    .register<{ runAt: number }>('timed', async ({ runAt }) => {
      lateness.push(Date.now() - runAt);
    });
}

if (process.argv[1] === import.meta.filename) {
  const options = JSON.parse(process.argv[2]!) as QueueWorkerOptions;
  const database = openDatabase(options.database);
  const lateness: number[] = [];
  const worker = new Worker(database, benchHandlers(lateness), { workerId: options.workerId, concurrency: options.concurrency });
  await worker.start();
  process.send!('ready');
  process.once('SIGTERM', () => {
    void (async () => {
      await worker.stop();
      await database.close();
      process.send!({ lateness }, () => process.exit(0));
    })();
  });
}
