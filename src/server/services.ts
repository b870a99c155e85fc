// Everything a Relais process needs, built once from the configuration and
// handed to the roles it runs (web, worker, scheduler) and to tests.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type AppDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AuditLog } from './domain/audit/audit-log.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { JobQueue } from './jobs/queue.ts';
import { createChannelParts, type ChannelParts } from './channel-wiring.ts';

export interface Services {
  config: Config;
  logger: Logger;
  database: AppDatabase;
  audit: AuditLog;
  mailer: Mailer;
  auth: Auth;
  queue: JobQueue;
  channels: ChannelParts;
  close(): Promise<void>;
}

export async function createServices(config: Config, logger: Logger, options: { migrate?: boolean } = {}): Promise<Services> {
  const database = openDatabase(config.database);
  if (options.migrate !== false) {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
  }
  const audit = new AuditLog(database.db);
  const mailer = createMailer(config, logger);
  const auth = createAuth({ config, database, audit, mailer, logger });
  const queue = new JobQueue(database);
  const channels = createChannelParts({ config, database, mailer, logger });
  return {
    config,
    logger,
    database,
    audit,
    mailer,
    auth,
    queue,
    channels,
    async close() {
      await channels.close();
      mailer.close();
      await database.close();
    },
  };
}
