// A dedicated PostgreSQL connection LISTENing for "job enqueued" notifications,
// so a worker in one process wakes when another process enqueues. Pooled
// connections cannot LISTEN: the pool hands them to other queries.
import pg from 'pg';
import { JOB_CHANNEL } from './engine-sql.ts';
import type { JobLogger } from './logger.ts';

const RECONNECT_DELAY_MS = 1_000;

export class JobListener {
  readonly #url: string;
  readonly #onJob: (runAt: number | undefined) => void;
  readonly #logger: JobLogger;
  #client: pg.Client | null = null;
  #stopped = false;
  #reconnectTimer: NodeJS.Timeout | null = null;

  /** `onJob(runAt)`: runAt is undefined after a reconnection, when notifications may have been missed. */
  constructor(url: string, onJob: (runAt: number | undefined) => void, logger: JobLogger) {
    this.#url = url;
    this.#onJob = onJob;
    this.#logger = logger;
  }

  async start(): Promise<void> {
    this.#stopped = false;
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url });
    client.on('notification', (message) => {
      const runAt = Number(message.payload);
      this.#onJob(Number.isFinite(runAt) ? runAt : undefined);
    });
    // Losing the connection only delays wake-ups (workers still poll): reconnect quietly.
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    await client.connect();
    await client.query(`LISTEN ${JOB_CHANNEL}`);
    if (this.#stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#stopped || this.#client !== client || this.#reconnectTimer) return;
    this.#client = null;
    this.#logger.warn({ err: error?.message }, 'job queue lost its LISTEN connection; reconnecting');
    const retry = () => {
      this.#reconnectTimer = null;
      if (this.#stopped) return;
      this.#connect().then(
        () => this.#onJob(undefined),
        () => {
          this.#reconnectTimer = setTimeout(retry, RECONNECT_DELAY_MS);
        },
      );
    };
    this.#reconnectTimer = setTimeout(retry, RECONNECT_DELAY_MS);
  }
}
