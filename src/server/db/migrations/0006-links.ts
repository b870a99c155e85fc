// Links in published posts: each (target, link) gets one row, fixed the first
// time the post is prepared for sending (its code, where it leads, and how it
// was written in the post), so that every retry sends the same text. Clicks on
// the short links are counted without storing who clicked: no address, only
// the browser family, the referring site's host, and whether it was a bot.
import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('short_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('post_target.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    // The link as written in the post.
    .addColumn('url', 'text', (c) => c.notNull())
    // SHA-256 of `url`: the unique key with the target (a URL may be longer than a PostgreSQL index entry allows).
    .addColumn('url_key', 'text', (c) => c.notNull())
    // Where /l/<code> leads: the link with the campaign's UTM parameters, as a normalized absolute http(s) URL.
    .addColumn('destination', 'text', (c) => c.notNull())
    // 1 when the post carries the short link; 0 when it carries the link itself (UTM parameters added, if any).
    .addColumn('shortened', 'integer', (c) => c.notNull())
    // Exactly what replaces `url` in the post's text.
    .addColumn('posted_as', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('short_link_target_url_unique', ['target_id', 'url_key'])
    .execute();
  await db.schema.createIndex('short_link_post_idx').on('short_link').columns(['workspace_id', 'post_id']).execute();

  await db.schema
    .createTable('link_click')
    .addColumn('id', t.autoId, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)))
    .addColumn('short_link_id', 'text', (c) => c.notNull().references('short_link.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('referrer_host', 'text')
    // "Chrome", "Safari", "Googlebot"…: the family only, never the whole user-agent string.
    .addColumn('user_agent_family', 'text')
    .addColumn('bot', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('link_click_link_idx').on('link_click').columns(['short_link_id', 'bot']).execute();

  // "Shorten links": off until a workspace turns it on.
  await db.schema.alterTable('publishing_setting').addColumn('shorten_links', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
