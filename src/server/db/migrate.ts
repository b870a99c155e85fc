// Versioned migrations, applied in order at start and by `relais migrate`.
// Each migration is written once, portable across SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as foundation from './migrations/0001-foundation.ts';
import * as channels from './migrations/0002-channels.ts';
import * as publishing from './migrations/0003-publishing.ts';
import * as media from './migrations/0004-media.ts';
import * as composerKit from './migrations/0005-composer-kit.ts';
import * as links from './migrations/0006-links.ts';
import * as feeds from './migrations/0007-feeds.ts';
import * as approvalLinks from './migrations/0008-approval-links.ts';
import * as inbox from './migrations/0009-inbox.ts';
import * as inboxReplyDone from './migrations/0010-inbox-reply-done.ts';
import * as inboxSearchVector from './migrations/0011-inbox-search-vector.ts';
import * as inboxRemoteIndex from './migrations/0012-inbox-remote-index.ts';
import * as inboxLeanIngest from './migrations/0013-inbox-lean-ingest.ts';
import * as inboxItemWorkspaceKey from './migrations/0014-inbox-item-workspace-key.ts';
import * as jobClaimFunction from './migrations/0015-job-claim-function.ts';
import * as jobClaimById from './migrations/0016-job-claim-by-id.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-channels': channels,
  '0003-publishing': publishing,
  '0004-media': media,
  '0005-composer-kit': composerKit,
  '0006-links': links,
  '0007-feeds': feeds,
  '0008-approval-links': approvalLinks,
  '0009-inbox': inbox,
  '0010-inbox-reply-done': inboxReplyDone,
  '0011-inbox-search-vector': inboxSearchVector,
  '0012-inbox-remote-index': inboxRemoteIndex,
  '0013-inbox-lean-ingest': inboxLeanIngest,
  '0014-inbox-item-workspace-key': inboxItemWorkspaceKey,
  '0015-job-claim-function': jobClaimFunction,
  '0016-job-claim-by-id': jobClaimById,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const latestMigration = Object.keys(migrations).sort().at(-1)!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on any typed view of the database
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'relais_migration', migrationLockTableName: 'relais_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (used by /readyz). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export async function migrationsApplied(db: Kysely<any>): Promise<boolean> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'relais_migration', migrationLockTableName: 'relais_migration_lock' });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
