// Publishing: posts, their per-channel targets (each with its own state
// machine), the history of every change, queue slots, campaigns, the
// workspace's publishing settings (pause switch), client approval links and
// in-app notifications.
import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('utm_source', 'text')
    .addColumn('utm_medium', 'text')
    .addColumn('utm_campaign', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('campaign_name_unique', ['workspace_id', 'name'])
    .execute();

  // What a person wrote once; `content` is the base version (JSON), each target carries its adapted copy.
  await db.schema
    .createTable('post')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id').onDelete('set null'))
    .addColumn('content', 'text', (c) => c.notNull())
    // draft | at | now | queue
    .addColumn('schedule_kind', 'text', (c) => c.notNull())
    .addColumn('approval', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('post_workspace_idx').on('post').columns(['workspace_id', 'created_at']).execute();

  // One per (post, channel): the unit that is scheduled, published, retried and reconciled.
  await db.schema
    .createTable('post_target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'bigint')
    // Bumped by every edit, reschedule or state change a person makes: a worker holding an older version does nothing.
    .addColumn('version', 'integer', (c) => c.notNull())
    // Fixed when publishing starts, reused by every retry: the network creates at most one post for it.
    .addColumn('publish_key', 'text')
    // The job publishing it: another job finding the target "publishing" leaves it alone while that job lives.
    .addColumn('claimed_job_id', 'bigint')
    // When the first attempt started: reconciliation looks for posts created since.
    .addColumn('publish_started_at', 'bigint')
    // Remote ids of the parts already on the network (thread, first reply), written the moment each is known.
    .addColumn('published_parts', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('published_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('hold_reason', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('metrics', 'text')
    .addColumn('metrics_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_target_due_idx').on('post_target').columns(['state', 'scheduled_at']).execute();
  await db.schema.createIndex('post_target_calendar_idx').on('post_target').columns(['workspace_id', 'scheduled_at']).execute();
  await db.schema.createIndex('post_target_channel_idx').on('post_target').columns(['channel_id', 'scheduled_at']).execute();
  await db.schema.createIndex('post_target_post_idx').on('post_target').columns(['post_id']).execute();

  // Who changed what, when: edits, approvals, comments, publishing outcomes.
  await db.schema
    .createTable('post_event')
    .addColumn('id', t.autoId, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_event_post_idx').on('post_event').columns(['post_id', 'id']).execute();

  // Recurring slots per channel in the workspace's time zone ("add to queue" takes the next free one).
  await db.schema
    .createTable('queue_slot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    // ISO weekday 1 (Monday) … 7 (Sunday), and minutes after local midnight.
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('minute_of_day', 'integer', (c) => c.notNull())
    .addUniqueConstraint('queue_slot_unique', ['channel_id', 'weekday', 'minute_of_day'])
    .execute();

  await db.schema
    .createTable('publishing_setting')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('organization.id').onDelete('cascade'))
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('paused_by', 'text')
    .addColumn('require_alt_text', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // A link sent to a client: no account, a period of posts to approve or comment on.
  await db.schema
    .createTable('approval_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('period_end', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();
}
