// Client approval links, second part: the channels a link is limited to, when
// it was last opened, and what clients did through links (approvals and
// comments, counted per link and shown back to the client on the page).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON list of channel ids, or null for every channel of the workspace.
  await db.schema.alterTable('approval_link').addColumn('channel_ids', 'text').execute();
  await db.schema.alterTable('approval_link').addColumn('last_opened_at', 'bigint').execute();

  // The post's history (post_event) says what happened to the post; this says which link it came through.
  await db.schema
    .createTable('approval_link_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('approval_link.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    // approved | commented
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('client_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    // The post's version when the client acted: an approval of an older version is shown as outdated.
    .addColumn('post_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_link_action_link_idx').on('approval_link_action').columns(['link_id']).execute();
  await db.schema.createIndex('approval_link_action_post_idx').on('approval_link_action').columns(['workspace_id', 'post_id', 'created_at']).execute();
}
