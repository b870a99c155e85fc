// Turns what a connector reports (activities) into inbox items, in batches:
// one transaction per batch, a handful of queries whatever its size. The unique
// (channel_id, remote_key) makes an activity an item at most once, whatever the
// number of polls, webhooks or workers that report it; the brand's own posts
// are never items; each item joins its conversation (the thread's first post)
// and, when that first post is one Relais published, the post itself.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, InboxItemKindColumn } from '../../db/schema.ts';
import type { Activity } from '../../connectors/contract.ts';
import { priorityScore, type Nlp } from '../../nlp/index.ts';
import { normalizeSearchText } from './search-text.ts';
import { recordInboxEvents } from './inbox-events.ts';
import type { IngestHook, IngestedItem } from './ingest-hooks.ts';

export interface IngestChannel {
  id: string;
  workspaceId: string;
  network: string;
  /** The channel's own account on the network: its posts are not inbox items. */
  remoteId: string;
}

export interface IngestResult {
  inserted: number;
  duplicates: number;
  /** Activities that are not messages (likes, reposts, follows) or the brand's own. */
  skipped: number;
  itemIds: number[];
}

const messageKinds: Partial<Record<Activity['kind'], InboxItemKindColumn>> = {
  mention: 'mention',
  reply: 'reply',
  quote: 'quote',
  directMessage: 'directMessage',
};

/** Rows per multi-row insert: well under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 500;

export class InboxIngest {
  readonly #db: Kysely<Database>;
  readonly #nlp: Nlp;
  readonly #hooks: () => IngestHook[];
  readonly #now: () => number;

  constructor(deps: { db: Kysely<Database>; nlp: Nlp; hooks: () => IngestHook[]; now?: () => number }) {
    this.#db = deps.db;
    this.#nlp = deps.nlp;
    this.#hooks = deps.hooks;
    this.#now = deps.now ?? Date.now;
  }

  /** Ingests in its own transaction, or in `trx` (the poller writes the new cursor in the same one). */
  async ingest(channel: IngestChannel, activities: Activity[], trx?: Transaction<Database>): Promise<IngestResult> {
    const messages = activities.filter((activity) => messageKinds[activity.kind] && activity.post && activity.author.remoteId !== channel.remoteId);
    const skipped = activities.length - messages.length;
    // One activity per key, in case a page repeats itself.
    const unique = [...new Map(messages.map((activity) => [activity.id, activity])).values()];
    if (unique.length === 0) return { inserted: 0, duplicates: 0, skipped, itemIds: [] };
    // Language and sentiment outside the transaction: pure CPU, no reason to hold a write lock for it.
    const analysed = unique.map((activity) => {
      const text = activity.post!.text;
      const language = this.#nlp.detectLanguage(text);
      const sentiment = text.trim() === '' ? null : this.#nlp.analyze(text, language);
      return { activity, language, sentiment };
    });
    const run = async (tx: Transaction<Database>) => this.#write(tx, channel, analysed, skipped);
    return trx ? run(trx) : this.#db.transaction().execute(run);
  }

  async #write(trx: Transaction<Database>, channel: IngestChannel, analysed: Analysed[], skipped: number): Promise<IngestResult> {
    const now = this.#now();
    const keys = analysed.map((entry) => entry.activity.id);
    const known = new Set<string>();
    for (const part of chunks(keys, INSERT_CHUNK)) {
      const rows = await trx.selectFrom('inbox_item').select('remote_key').where('channel_id', '=', channel.id).where('remote_key', 'in', part).execute();
      for (const row of rows) known.add(row.remote_key);
    }
    const fresh = analysed.filter((entry) => !known.has(entry.activity.id));
    if (fresh.length === 0) return { inserted: 0, duplicates: analysed.length, skipped, itemIds: [] };

    const authors = await this.#upsertAuthors(trx, channel, fresh, now);
    const conversations = await this.#conversations(trx, channel, fresh, now);

    const inserted: Array<{ id: number; entry: Analysed; authorId: string; conversation: ConversationRef }> = [];
    for (const part of chunks(fresh, INSERT_CHUNK)) {
      const values = part.map((entry) => {
        const { activity, language, sentiment } = entry;
        const post = activity.post!;
        const author = authors.get(activity.author.remoteId)!;
        const conversation = conversations.get(rootOf(activity))!;
        return {
          workspace_id: channel.workspaceId,
          channel_id: channel.id,
          remote_key: activity.id,
          kind: messageKinds[activity.kind]!,
          conversation_id: conversation.id,
          author_id: author.id,
          remote_id: post.remoteId,
          remote_url: post.url,
          remote_ref: post.ref ?? null,
          reply_to_remote_id: post.replyTo,
          root_remote_id: post.rootId,
          text: post.text,
          search_text: normalizeSearchText(post.text),
          language,
          sentiment: sentiment?.label ?? null,
          sentiment_score: sentiment?.score ?? null,
          priority: 0,
          priority_score: priorityScore({ sentiment, authorFollowers: activity.author.followers }),
          status: 'open' as const,
          spam: 0,
          assignee_id: null,
          snoozed_until: null,
          post_id: conversation.postId ?? null,
          target_id: conversation.targetId ?? null,
          remote_created_at: dateMs(post.createdAt ?? activity.createdAt, now),
          received_at: now,
          updated_at: now,
        };
      });
      // Another poller may have inserted some of these since the read above: those rows are skipped.
      const rows = await trx
        .insertInto('inbox_item')
        .values(values)
        .onConflict((oc) => oc.columns(['channel_id', 'remote_key']).doNothing())
        .returning(['id', 'remote_key'])
        .execute();
      const byKey = new Map(part.map((entry) => [entry.activity.id, entry]));
      for (const row of rows) {
        const entry = byKey.get(row.remote_key)!;
        inserted.push({ id: Number(row.id), entry, authorId: authors.get(entry.activity.author.remoteId)!.id, conversation: conversations.get(rootOf(entry.activity))! });
      }
    }
    inserted.sort((a, b) => a.id - b.id);
    await this.#count(trx, inserted, now);
    await recordInboxEvents(
      trx,
      inserted.map((row) => ({ workspaceId: channel.workspaceId, itemId: row.id, action: 'created', detail: { kind: row.entry.activity.kind } })),
      now,
    );
    const items: IngestedItem[] = inserted.map(({ id, entry, authorId, conversation }) => ({
      id,
      workspaceId: channel.workspaceId,
      channelId: channel.id,
      kind: messageKinds[entry.activity.kind]!,
      text: entry.activity.post!.text,
      language: entry.language,
      sentiment: entry.sentiment?.label ?? null,
      authorId,
      authorHandle: entry.activity.author.handle,
      authorFollowers: entry.activity.author.followers,
      receivedAt: now,
      postId: conversation.postId ?? null,
    }));
    for (const hook of this.#hooks()) await hook.afterInsert(trx, items);
    return { inserted: inserted.length, duplicates: analysed.length - inserted.length, skipped, itemIds: inserted.map((row) => row.id) };
  }

  /** Authors by their id on the network, created or refreshed (handle, name, avatar and reach change). */
  async #upsertAuthors(trx: Transaction<Database>, channel: IngestChannel, fresh: Analysed[], now: number): Promise<Map<string, { id: string }>> {
    const latest = new Map<string, Activity['author']>();
    for (const { activity } of fresh) latest.set(activity.author.remoteId, activity.author);
    const remoteIds = [...latest.keys()];
    const existing = new Map<string, { id: string }>();
    for (const part of chunks(remoteIds, INSERT_CHUNK)) {
      const rows = await trx
        .selectFrom('inbox_author')
        .select(['id', 'remote_id'])
        .where('workspace_id', '=', channel.workspaceId)
        .where('network', '=', channel.network)
        .where('remote_id', 'in', part)
        .execute();
      for (const row of rows) existing.set(row.remote_id, { id: row.id });
    }
    const missing = remoteIds.filter((remoteId) => !existing.has(remoteId));
    for (const part of chunks(missing, INSERT_CHUNK)) {
      await trx
        .insertInto('inbox_author')
        .values(
          part.map((remoteId) => {
            const author = latest.get(remoteId)!;
            return {
              id: randomUUID(),
              workspace_id: channel.workspaceId,
              network: channel.network,
              remote_id: remoteId,
              handle: author.handle,
              display_name: author.displayName,
              avatar_url: author.avatarUrl,
              url: author.url,
              followers: author.followers,
              tags: '[]',
              item_count: 0,
              first_seen_at: now,
              last_seen_at: now,
            };
          }),
        )
        .onConflict((oc) => oc.columns(['workspace_id', 'network', 'remote_id']).doNothing())
        .execute();
      const rows = await trx
        .selectFrom('inbox_author')
        .select(['id', 'remote_id'])
        .where('workspace_id', '=', channel.workspaceId)
        .where('network', '=', channel.network)
        .where('remote_id', 'in', part)
        .execute();
      for (const row of rows) existing.set(row.remote_id, { id: row.id });
    }
    // Profiles that were already known: their latest handle, name, avatar and followers.
    for (const remoteId of remoteIds) {
      if (missing.includes(remoteId)) continue;
      const author = latest.get(remoteId)!;
      await trx
        .updateTable('inbox_author')
        .set({
          handle: author.handle,
          display_name: author.displayName,
          avatar_url: author.avatarUrl,
          url: author.url,
          ...(author.followers != null ? { followers: author.followers } : {}),
        })
        .where('id', '=', existing.get(remoteId)!.id)
        .execute();
    }
    return existing;
  }

  /** Each item's conversation, by the remote id of its thread's first post; linked to the Relais post that started it. */
  async #conversations(trx: Transaction<Database>, channel: IngestChannel, fresh: Analysed[], now: number): Promise<Map<string, ConversationRef>> {
    const roots = new Map<string, Activity>();
    for (const { activity } of fresh) if (!roots.has(rootOf(activity))) roots.set(rootOf(activity), activity);
    const rootIds = [...roots.keys()];
    const found = new Map<string, ConversationRef>();
    const read = async (ids: string[]) => {
      for (const part of chunks(ids, INSERT_CHUNK)) {
        const rows = await trx
          .selectFrom('inbox_conversation')
          .select(['id', 'root_remote_id', 'post_id', 'target_id'])
          .where('channel_id', '=', channel.id)
          .where('root_remote_id', 'in', part)
          .execute();
        for (const row of rows) found.set(row.root_remote_id, { id: row.id, postId: row.post_id, targetId: row.target_id });
      }
    };
    await read(rootIds);
    const missing = rootIds.filter((rootId) => !found.has(rootId));
    if (missing.length > 0) {
      const published = await this.#publishedTargets(trx, channel, missing);
      for (const part of chunks(missing, INSERT_CHUNK)) {
        await trx
          .insertInto('inbox_conversation')
          .values(
            part.map((rootId) => {
              const activity = roots.get(rootId)!;
              const ownPost = published.get(rootId);
              const isItsOwnRoot = activity.post!.remoteId === rootId;
              return {
                id: randomUUID(),
                workspace_id: channel.workspaceId,
                channel_id: channel.id,
                root_remote_id: rootId,
                root_url: isItsOwnRoot ? activity.post!.url : (ownPost?.url ?? null),
                root_ref: isItsOwnRoot ? (activity.post!.ref ?? null) : null,
                post_id: ownPost?.postId ?? null,
                target_id: ownPost?.targetId ?? null,
                item_count: 0,
                last_item_at: now,
                thread: null,
                thread_fetched_at: null,
                created_at: now,
              };
            }),
          )
          .onConflict((oc) => oc.columns(['channel_id', 'root_remote_id']).doNothing())
          .execute();
      }
      await read(missing);
    }
    return found;
  }

  /** Targets Relais published on this channel whose first post is one of `remoteIds`. */
  async #publishedTargets(trx: Transaction<Database>, channel: IngestChannel, remoteIds: string[]) {
    const found = new Map<string, { postId: string; targetId: string; url: string | null }>();
    for (const part of chunks(remoteIds, INSERT_CHUNK)) {
      const rows = await trx
        .selectFrom('post_target')
        .select(['id', 'post_id', 'remote_id', 'remote_url'])
        .where('channel_id', '=', channel.id)
        .where('remote_id', 'in', part)
        .execute();
      for (const row of rows) if (row.remote_id) found.set(row.remote_id, { postId: row.post_id, targetId: row.id, url: row.remote_url });
    }
    return found;
  }

  /** Per author and conversation: how many items, and when the last one came. */
  async #count(trx: Transaction<Database>, inserted: Array<{ authorId: string; conversation: ConversationRef }>, now: number): Promise<void> {
    const byAuthor = countBy(inserted.map((row) => row.authorId));
    const byConversation = countBy(inserted.map((row) => row.conversation.id));
    for (const [id, count] of byAuthor) {
      await trx.updateTable('inbox_author').set({ item_count: sql`item_count + ${count}`, last_seen_at: now }).where('id', '=', id).execute();
    }
    for (const [id, count] of byConversation) {
      await trx.updateTable('inbox_conversation').set({ item_count: sql`item_count + ${count}`, last_item_at: now }).where('id', '=', id).execute();
    }
  }
}

interface Analysed {
  activity: Activity;
  language: string | null;
  sentiment: { label: 'positive' | 'neutral' | 'negative'; score: number } | null;
}

interface ConversationRef {
  id: string;
  postId: string | null;
  targetId: string | null;
}

/** The thread's first post: a reply's root, else the post itself (a mention or a quote starts its own conversation). */
export function rootOf(activity: Activity): string {
  return activity.post!.rootId ?? activity.post!.remoteId;
}

function dateMs(value: string, fallback: number): number {
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : fallback;
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < values.length; index += size) out.push(values.slice(index, index + size));
  return out;
}
