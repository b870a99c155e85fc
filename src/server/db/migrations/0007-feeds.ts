// RSS/Atom auto-post: a feed a workspace follows, and every item of it Relais
// has seen. The unique (feed_id, guid_key) is what makes an item produce at
// most one post, whatever the number of workers checking the feed at once: the
// item is claimed in the same transaction that writes its post.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON list of channel ids (a channel removed later is skipped at the next check).
    .addColumn('channel_ids', 'text', (c) => c.notNull())
    // "{{title}} {{link}}": see src/shared/feeds.ts for the placeholders.
    .addColumn('template', 'text', (c) => c.notNull())
    // draft | queue | now
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id').onDelete('set null'))
    .addColumn('active', 'integer', (c) => c.notNull())
    // Items dated more than a day before this are never posted (a feed that changes its GUIDs must not re-post its archive).
    .addColumn('cutoff_at', 'bigint', (c) => c.notNull())
    .addColumn('last_checked_at', 'bigint')
    .addColumn('next_check_at', 'bigint')
    // JSON { code, params }: the last check's problem (fetch, parse, or an item that could not be posted).
    .addColumn('last_error', 'text')
    // Consecutive failed fetches: the next check waits longer after each.
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    // A member (user id), or null for an API key (created_by_key): whose right to publish the feed's posts carry.
    .addColumn('created_by', 'text')
    .addColumn('created_by_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_workspace_idx').on('feed').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('feed_due_idx').on('feed').columns(['active', 'next_check_at']).execute();

  await db.schema
    .createTable('feed_item')
    .addColumn('feed_id', 'text', (c) => c.notNull().references('feed.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    // SHA-256 of the item's GUID (or of its link when it has none): a GUID may be longer than an index entry allows.
    .addColumn('guid_key', 'text', (c) => c.notNull())
    // posted | skipped (already in the feed when subscribed or resumed) | skipped_old (dated before the subscription) | failed
    .addColumn('status', 'text', (c) => c.notNull())
    // The post written for it, in the same transaction as this row (no foreign key: the row is written first).
    .addColumn('post_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('published_at', 'bigint')
    // JSON { code, params } of the last failure, while status = failed.
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('feed_item_unique', ['feed_id', 'guid_key'])
    .execute();
  await db.schema.createIndex('feed_item_seen_idx').on('feed_item').columns(['feed_id', 'seen_at']).execute();
}
