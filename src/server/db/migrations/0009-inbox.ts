// The unified inbox: what people said to or about the brand on connected
// channels (items), grouped in conversations, with their authors, the team's
// work on them (status, assignee, tags, notes, snooze, replies) and a log of
// every change (the live feed and the undo of rules read it).
//
// Items have integer ids: the full-text index (FTS5 on SQLite) is keyed by
// them, and "newest first" is id order (arrival order; a poll returns oldest
// first), which both engines can walk backwards through an index.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const autoId = (table: string) =>
    db.schema.createTable(table).addColumn('id', t.autoId, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)));

  await db.schema
    .createTable('inbox_author')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('url', 'text')
    .addColumn('followers', 'integer')
    // JSON list of the team's tags for this person ("VIP", "journalist" …).
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inbox_author_unique', ['workspace_id', 'network', 'remote_id'])
    .execute();
  await db.schema.createIndex('inbox_author_handle_idx').on('inbox_author').columns(['workspace_id', 'handle']).execute();

  await db.schema
    .createTable('inbox_conversation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    // The first post of the thread on the network (ours when people reply to a published post).
    .addColumn('root_remote_id', 'text', (c) => c.notNull())
    .addColumn('root_url', 'text')
    .addColumn('root_ref', 'text')
    // Set when the root is a post Relais published.
    .addColumn('post_id', 'text')
    .addColumn('target_id', 'text')
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('last_item_at', 'bigint', (c) => c.notNull())
    // JSON ThreadPost as last read from the network, and when.
    .addColumn('thread', 'text')
    .addColumn('thread_fetched_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inbox_conversation_unique', ['channel_id', 'root_remote_id'])
    .execute();
  await db.schema.createIndex('inbox_conversation_post_idx').on('inbox_conversation').columns(['workspace_id', 'post_id']).execute();

  await autoId('inbox_item')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    // The connector's activity id: stable across polls, so (channel, key) is the deduplication.
    .addColumn('remote_key', 'text', (c) => c.notNull())
    // mention | reply | quote | directMessage | comment | review
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.references('inbox_conversation.id').onDelete('set null'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('inbox_author.id').onDelete('cascade'))
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('remote_ref', 'text')
    .addColumn('reply_to_remote_id', 'text')
    .addColumn('root_remote_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    // Lower-cased, accents removed: what full-text search indexes on both engines.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    // positive | neutral | negative, null until analysed
    .addColumn('sentiment', 'text')
    .addColumn('sentiment_score', 'real')
    // 0 normal, 1 high, 2 urgent: set by a person or a rule.
    .addColumn('priority', 'integer', (c) => c.notNull())
    // Computed from sentiment and the author's reach (nlp/priority.ts): negative items from influential authors first.
    .addColumn('priority_score', 'real', (c) => c.notNull())
    // open | pending | done
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('spam', 'integer', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('snoozed_until', 'bigint')
    // The Relais post this item answers (its conversation's root or the post it quotes).
    .addColumn('post_id', 'text')
    .addColumn('target_id', 'text')
    .addColumn('remote_created_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    // Response times, measured within the workspace's business hours.
    .addColumn('first_response_due_at', 'bigint')
    .addColumn('first_response_at', 'bigint')
    .addColumn('first_response_by', 'text')
    .addColumn('first_response_business_ms', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_by', 'text')
    .addColumn('resolution_business_ms', 'bigint')
    .addColumn('liked_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inbox_item_remote_unique', ['channel_id', 'remote_key'])
    .execute();
  // The inbox's usual pages: a status, maybe a channel and a sentiment, newest first.
  await db.schema.createIndex('inbox_item_status_idx').on('inbox_item').columns(['workspace_id', 'status', 'id']).execute();
  await db.schema.createIndex('inbox_item_channel_idx').on('inbox_item').columns(['workspace_id', 'status', 'channel_id', 'sentiment', 'id']).execute();
  await db.schema.createIndex('inbox_item_assignee_idx').on('inbox_item').columns(['workspace_id', 'assignee_id', 'status', 'id']).execute();
  await db.schema.createIndex('inbox_item_workspace_idx').on('inbox_item').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('inbox_item_priority_idx').on('inbox_item').columns(['workspace_id', 'status', 'priority', 'priority_score']).execute();
  await db.schema.createIndex('inbox_item_conversation_idx').on('inbox_item').columns(['conversation_id', 'id']).execute();
  await db.schema.createIndex('inbox_item_author_idx').on('inbox_item').columns(['author_id', 'id']).execute();
  await db.schema.createIndex('inbox_item_due_idx').on('inbox_item').columns(['workspace_id', 'status', 'first_response_due_at']).execute();
  await db.schema.createIndex('inbox_item_snooze_idx').on('inbox_item').columns(['snoozed_until']).execute();

  if (t.isSqlite) {
    // External-content FTS5: the text lives once, in inbox_item; triggers keep the index in step.
    await sql`CREATE VIRTUAL TABLE inbox_item_fts USING fts5(search_text, content='inbox_item', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER inbox_item_fts_insert AFTER INSERT ON inbox_item BEGIN
      INSERT INTO inbox_item_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
    await sql`CREATE TRIGGER inbox_item_fts_delete AFTER DELETE ON inbox_item BEGIN
      INSERT INTO inbox_item_fts(inbox_item_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`.execute(db);
    await sql`CREATE TRIGGER inbox_item_fts_update AFTER UPDATE OF search_text ON inbox_item BEGIN
      INSERT INTO inbox_item_fts(inbox_item_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      INSERT INTO inbox_item_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
  } else {
    await sql`CREATE INDEX inbox_item_search_idx ON inbox_item USING gin (to_tsvector('simple', search_text))`.execute(db);
  }

  await db.schema
    .createTable('inbox_item_tag')
    .addColumn('item_id', 'bigint', (c) => c.notNull().references('inbox_item.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_item_tag_pk', ['item_id', 'tag'])
    .execute();
  await db.schema.createIndex('inbox_item_tag_idx').on('inbox_item_tag').columns(['workspace_id', 'tag', 'item_id']).execute();

  await db.schema
    .createTable('inbox_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('item_id', 'bigint', (c) => c.notNull().references('inbox_item.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON list of the user ids @mentioned (notified when the note was written).
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_note_item_idx').on('inbox_note').columns(['item_id', 'created_at']).execute();

  // Every change to an item, by a person or a rule: the item's history, the
  // live feed (server-sent events resume from an id) and the undo of rules.
  await autoId('inbox_event')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('item_id', 'bigint')
    // created | status | assign | tag | untag | priority | spam | snooze | woke | note | reply | like | rule …
    .addColumn('action', 'text', (c) => c.notNull())
    // JSON: what changed (before/after) so that it can be shown and undone.
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_rule_id', 'text')
    .addColumn('reversed_at', 'bigint')
    .addColumn('reversed_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_event_workspace_idx').on('inbox_event').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('inbox_event_item_idx').on('inbox_event').columns(['item_id', 'id']).execute();
  await db.schema.createIndex('inbox_event_rule_idx').on('inbox_event').columns(['actor_rule_id', 'id']).execute();

  await db.schema
    .createTable('inbox_reply')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('item_id', 'bigint', (c) => c.notNull().references('inbox_item.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    // pending_approval | queued | sending | sent | failed | rejected | needs_attention
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('saved_reply_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('publish_started_at', 'bigint')
    .addColumn('claimed_job_id', 'bigint')
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('remote_ref', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('inbox_reply_item_idx').on('inbox_reply').columns(['item_id', 'created_at']).execute();
  await db.schema.createIndex('inbox_reply_state_idx').on('inbox_reply').columns(['workspace_id', 'state']).execute();

  await db.schema
    .createTable('saved_reply')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // fr | en
    .addColumn('language', 'text', (c) => c.notNull())
    // With {{name}}, {{handle}}, {{order_number}} … (see src/shared/inbox.ts).
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('use_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_reply_workspace_idx').on('saved_reply').columns(['workspace_id', 'language', 'title']).execute();

  await db.schema
    .createTable('inbox_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // Rules run in this order on each new item.
    .addColumn('position', 'integer', (c) => c.notNull())
    // JSON RuleConditions / RuleAction[] (src/shared/inbox.ts).
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('match_count', 'integer', (c) => c.notNull())
    .addColumn('last_matched_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_rule_workspace_idx').on('inbox_rule').columns(['workspace_id', 'position']).execute();

  // Where each channel's polling stands: its cursor, its pace and its last problem.
  await db.schema
    .createTable('inbox_poll_state')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channel.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('interval_ms', 'bigint', (c) => c.notNull())
    .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
    .addColumn('last_polled_at', 'bigint')
    .addColumn('last_activity_at', 'bigint')
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('items_total', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_poll_due_idx').on('inbox_poll_state').columns(['next_poll_at']).execute();

  // A channel's webhook secret (sealed like tokens), for networks that push.
  await db.schema
    .createTable('inbox_webhook')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channel.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_received_at', 'bigint')
    .execute();

  await db.schema
    .createTable('inbox_setting')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('organization.id').onDelete('cascade'))
    // JSON BusinessHours (src/shared/inbox.ts), in the workspace's time zone.
    .addColumn('business_hours', 'text', (c) => c.notNull())
    .addColumn('first_response_target_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_target_minutes', 'integer', (c) => c.notNull())
    // Contributors' replies wait for an editor's approval before they go out.
    .addColumn('reply_approval', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Replies to a published post are linked to it by its remote id.
  await db.schema.createIndex('post_target_remote_idx').on('post_target').columns(['channel_id', 'remote_id']).execute();
}
