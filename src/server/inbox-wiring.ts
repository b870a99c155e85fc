// Puts the inbox pieces together for a process: intake (ingest, polling,
// webhooks, conversations), the work on items (queries, updates, notes,
// snooze, live feed), replies and saved replies, rules, and the response clock.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { ChannelParts } from './channel-wiring.ts';
import { ResponseClock } from './domain/inbox/response-clock.ts';
import type { IngestHook } from './domain/inbox/ingest-hooks.ts';

export interface InboxDeps {
  config: Config;
  database: AppDatabase;
  mailer: Mailer;
  logger: Logger;
  queue: JobQueue;
  channels: ChannelParts;
  now?: () => number;
}

export interface InboxParts {
  clock: ResponseClock;
  /** Run on every new item, in this order, inside the inserting transaction. */
  ingestHooks: IngestHook[];
}

export function createInboxParts(deps: InboxDeps): InboxParts {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const clock = new ResponseClock({ db, now });
  const ingestHooks: IngestHook[] = [clock];
  return { clock, ingestHooks };
}
