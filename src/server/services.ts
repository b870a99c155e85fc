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
import { MediaLibrary } from './domain/media/media-library.ts';
import { createMediaStorage } from './domain/media/storage.ts';
import { createPublishingParts, type PublishingParts } from './publishing-wiring.ts';
import { createInboxParts, type InboxParts } from './inbox-wiring.ts';

export interface Services {
  config: Config;
  logger: Logger;
  database: AppDatabase;
  audit: AuditLog;
  mailer: Mailer;
  auth: Auth;
  queue: JobQueue;
  channels: ChannelParts;
  /** The media library; the publisher reads files through it (MediaSource). */
  media: MediaLibrary;
  publishing: PublishingParts;
  /** The unified inbox: intake, work on items, replies, rules, response times. */
  inbox: InboxParts;
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
  const mediaStorage = createMediaStorage(config.media.storage);
  const media = new MediaLibrary(database.db, mediaStorage, config.media);
  const publishing = createPublishingParts({ config, database, mailer, logger, queue, channels, media });
  const inbox = createInboxParts({ config, database, mailer, logger, queue, channels });
  return {
    config,
    logger,
    database,
    audit,
    mailer,
    auth,
    queue,
    channels,
    media,
    publishing,
    inbox,
    async close() {
      inbox.live.close();
      await inbox.analyzer.close();
      await channels.close();
      await mediaStorage.close();
      mailer.close();
      await database.close();
    },
  };
}
