// Items looked up by the network's post id: a post reported under two keys
// (a webhook's and a poll's) is one item, and a Mastodon reply finds the
// conversation of the post it answers.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('inbox_item_remote_idx').on('inbox_item').columns(['channel_id', 'remote_id']).execute();
  await db.schema.createIndex('inbox_reply_remote_idx').on('inbox_reply').columns(['channel_id', 'remote_id']).execute();
}
