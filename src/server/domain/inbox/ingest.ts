// Turns what a connector reports (activities) into inbox items, in batches:
// one transaction per batch, a handful of queries whatever its size. The unique
// (channel_id, remote_key) makes an activity an item at most once, whatever the
// number of polls, webhooks or workers that report it; the brand's own posts
// are never items; each item joins its conversation (the thread's first post)
// and, when that first post is one Relais published, the post itself.
// New authors and conversations get time-ordered ids (UUIDv7): their rows and
// the items' (conversation_id, id) entries then land at the end of their
// indexes, a few pages per batch instead of one random page per row.
import { v7 as timeOrderedUuid } from 'uuid';
import type { Kysely, Transaction } from 'kysely';
import type { Database, InboxItemKindColumn } from '../../db/schema.ts';
import { engineOf } from '../../db/database.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Activity } from '../../connectors/contract.ts';
import { priorityScore } from '../../nlp/index.ts';
import type { BatchAnalyzer } from '../../nlp/batch-analyzer.ts';
import { normalizeSearchText } from './search-text.ts';
import { recordInboxEvents } from './inbox-events.ts';
import { refreshProfiles, upsertAuthors, type AuthorProfile } from './ingest-authors.ts';
import type { IngestHook, IngestPlan, NewItem } from './ingest-hooks.ts';

export interface IngestChannel {
  id: string;
  workspaceId: string;
  network: string;
  /** The channel's own account on the network: its posts are not inbox items. */
  remoteId: string;
}

export type { AuthorProfile } from './ingest-authors.ts';

export interface IngestResult {
  inserted: number;
  duplicates: number;
  /** Activities that are not messages (likes, reposts, follows) or the brand's own. */
  skipped: number;
  itemIds: number[];
  /** Author profiles to refresh once the transaction committed (see `refreshProfiles`); empty when already done. */
  profiles: AuthorProfile[];
}

/** Messages of one page, analysed, ready to be written. */
export interface PreparedBatch {
  channel: IngestChannel;
  analysed: Analysed[];
  /** Activities that are not messages (likes, reposts, follows) or the brand's own. */
  skipped: number;
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
  readonly #analyzer: BatchAnalyzer;
  readonly #hooks: () => IngestHook[];
  readonly #now: () => number;
  readonly #sqlite: boolean;

  constructor(deps: { db: Kysely<Database>; analyzer: BatchAnalyzer; hooks: () => IngestHook[]; now?: () => number }) {
    this.#db = deps.db;
    this.#sqlite = engineOf(deps.db as never) === 'sqlite';
    this.#analyzer = deps.analyzer;
    this.#hooks = deps.hooks;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Ingests in its own transaction, or in `trx` (the poller writes the new cursor in the same one;
   * it then calls `refreshProfiles` with the result's `profiles` once that transaction committed).
   */
  async ingest(channel: IngestChannel, activities: Activity[], trx?: Transaction<Database>): Promise<IngestResult> {
    return this.write(await this.prepare(channel, activities), trx);
  }

  /**
   * What can be done before any transaction: keep the messages, once each, with their language
   * and sentiment (pure CPU: no reason to hold a write lock for it).
   */
  async prepare(channel: IngestChannel, activities: Activity[]): Promise<PreparedBatch> {
    const messages = activities.filter((activity) => messageKinds[activity.kind] && activity.post && activity.author.remoteId !== channel.remoteId);
    // One activity per key and per post, in case a page repeats itself or names a post twice (a reply that also mentions).
    const byKey = [...new Map(messages.map((activity) => [activity.id, activity])).values()];
    const posts = new Set<string>();
    const unique = byKey.filter((activity) => !posts.has(activity.post!.remoteId) && Boolean(posts.add(activity.post!.remoteId)));
    const analyses = unique.length === 0 ? [] : await this.#analyzer.analyse(unique.map((activity) => activity.post!.text));
    const analysed = unique.map((activity, index) => ({ activity, language: analyses[index]!.language, sentiment: analyses[index]!.sentiment }));
    return { channel, analysed, skipped: activities.length - messages.length };
  }

  async write(batch: PreparedBatch, trx?: Transaction<Database>): Promise<IngestResult> {
    if (batch.analysed.length === 0) return { inserted: 0, duplicates: 0, skipped: batch.skipped, itemIds: [], profiles: [] };
    const run = async (tx: Transaction<Database>) => this.#write(tx, batch.channel, batch.analysed, batch.skipped);
    if (trx) return run(trx);
    const result = await this.#db.transaction().execute(run);
    await this.refreshProfiles(result.profiles);
    return { ...result, profiles: [] };
  }

  /** Rewrites the profiles a PostgreSQL batch left for after its commit (see `upsertAuthors`). */
  async refreshProfiles(profiles: AuthorProfile[]): Promise<void> {
    await refreshProfiles(this.#db, profiles);
  }

  async #write(trx: Transaction<Database>, channel: IngestChannel, analysed: Analysed[], skipped: number): Promise<IngestResult> {
    const now = this.#now();
    // Known by its key, or the same post reported under another key (a webhook's and a poll's ids differ).
    const known = new Set<string>();
    const knownPosts = new Set<string>();
    for (const part of chunks(analysed, INSERT_CHUNK)) {
      // Two halves of one statement, each on its own index (an OR would let SQLite walk the whole channel).
      const rows = await trx
        .selectFrom('inbox_item')
        .select(['remote_key', 'remote_id'])
        .where('channel_id', '=', channel.id)
        .where('remote_key', 'in', part.map((entry) => entry.activity.id))
        .unionAll(
          trx
            .selectFrom('inbox_item')
            .select(['remote_key', 'remote_id'])
            .where('channel_id', '=', channel.id)
            .where('remote_id', 'in', part.map((entry) => entry.activity.post!.remoteId)),
        )
        .execute();
      for (const row of rows) {
        known.add(row.remote_key);
        if (row.remote_id) knownPosts.add(row.remote_id);
      }
    }
    const fresh = analysed.filter((entry) => !known.has(entry.activity.id) && !knownPosts.has(entry.activity.post!.remoteId));
    if (fresh.length === 0) return { inserted: 0, duplicates: analysed.length, skipped, itemIds: [], profiles: [] };
    const rootFor = await this.#roots(trx, channel, fresh);
    const rootOf = (activity: Activity) => rootFor.get(activity.id)!;

    const { authors, profiles } = await upsertAuthors(trx, channel, fresh.map((entry) => entry.activity.author), now, this.#sqlite);
    const conversations = await this.#conversations(trx, channel, fresh, rootOf, now);

    const items: NewItem[] = fresh.map(({ activity, language, sentiment }) => ({
      workspaceId: channel.workspaceId,
      channelId: channel.id,
      kind: messageKinds[activity.kind]!,
      text: activity.post!.text,
      language,
      sentiment: sentiment?.label ?? null,
      authorId: authors.get(activity.author.remoteId)!.id,
      authorHandle: activity.author.handle,
      authorFollowers: activity.author.followers,
      receivedAt: now,
      postId: conversations.get(rootOf(activity))!.postId ?? null,
    }));
    // What hooks decide (a first answer's due time, what rules set) is written with the rows.
    const plans: IngestPlan[] = [];
    for (const hook of this.#hooks()) plans.push(await hook.plan(trx, channel.workspaceId, items, now));
    const ids: Array<number | null> = fresh.map(() => null);
    for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
      const part = fresh.slice(start, start + INSERT_CHUNK);
      const values = part.map((entry, offset) => {
        const { activity, language, sentiment } = entry;
        const post = activity.post!;
        const item = items[start + offset]!;
        const conversation = conversations.get(rootOf(activity))!;
        const row = {
          workspace_id: channel.workspaceId,
          channel_id: channel.id,
          remote_key: activity.id,
          kind: item.kind,
          conversation_id: conversation.id,
          author_id: item.authorId,
          remote_id: post.remoteId,
          remote_url: post.url,
          remote_ref: post.ref ?? null,
          reply_to_remote_id: post.replyTo,
          root_remote_id: rootOf(activity),
          text: post.text,
          search_text: normalizeSearchText(post.text),
          language,
          sentiment: item.sentiment,
          sentiment_score: sentiment?.score ?? null,
          priority: 0,
          priority_score: priorityScore({ sentiment, authorFollowers: activity.author.followers }),
          status: 'open' as 'open' | 'done',
          spam: 0,
          assignee_id: null as string | null,
          snoozed_until: null,
          post_id: item.postId,
          target_id: conversation.targetId ?? null,
          remote_created_at: dateMs(post.createdAt ?? activity.createdAt, now),
          received_at: now,
          updated_at: now,
        };
        for (const plan of plans) Object.assign(row, plan.columns[start + offset]);
        return row;
      });
      // Another poller may have inserted some of these since the read above: those rows are skipped.
      const rows = await insertRows(trx, 'inbox_item', values, !this.#sqlite)
        .onConflict((oc) => oc.columns(['channel_id', 'remote_key']).doNothing())
        .returning(['id', 'remote_key'])
        .execute();
      const indexOf = new Map(part.map((entry, offset) => [entry.activity.id, start + offset]));
      for (const row of rows) ids[indexOf.get(row.remote_key)!] = Number(row.id);
    }
    const inserted = items.flatMap((item, index) => (ids[index] == null ? [] : [{ ...item, id: ids[index]! }])).sort((a, b) => a.id - b.id);
    await recordInboxEvents(
      trx,
      inserted.map((item) => ({ workspaceId: channel.workspaceId, itemId: item.id, action: 'created', detail: { kind: item.kind } })),
      now,
    );
    for (const plan of plans) await plan.inserted(trx, ids);
    return { inserted: inserted.length, duplicates: analysed.length - inserted.length, skipped, itemIds: inserted.map((item) => item.id), profiles };
  }

  /** Each item's conversation, by the remote id of its thread's first post; linked to the Relais post that started it. */
  async #conversations(trx: Transaction<Database>, channel: IngestChannel, fresh: Analysed[], rootOf: (activity: Activity) => string, now: number): Promise<Map<string, ConversationRef>> {
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
        await insertRows(
            trx,
            'inbox_conversation',
            part.map((rootId) => {
              const activity = roots.get(rootId)!;
              const ownPost = published.get(rootId);
              const isItsOwnRoot = activity.post!.remoteId === rootId;
              return {
                id: timeOrderedUuid(),
                workspace_id: channel.workspaceId,
                channel_id: channel.id,
                root_remote_id: rootId,
                root_url: isItsOwnRoot ? activity.post!.url : (ownPost?.url ?? null),
                root_ref: isItsOwnRoot ? (activity.post!.ref ?? null) : null,
                post_id: ownPost?.postId ?? null,
                target_id: ownPost?.targetId ?? null,
                thread: null,
                thread_fetched_at: null,
                created_at: now,
              };
            }),
            !this.#sqlite,
          )
          .onConflict((oc) => oc.columns(['channel_id', 'root_remote_id']).doNothing())
          .execute();
      }
      await read(missing);
    }
    return found;
  }

  /**
   * Each activity's thread root. Bluesky says it; Mastodon only names the parent: the root is then the
   * parent's own conversation root when the parent is an item or a reply Relais sent, else the parent
   * itself (a reply to a post we published joins that post's conversation).
   */
  async #roots(trx: Transaction<Database>, channel: IngestChannel, fresh: Analysed[]): Promise<Map<string, string>> {
    const roots = new Map<string, string>();
    const parents = new Set<string>();
    for (const { activity } of fresh) {
      const post = activity.post!;
      if (post.rootId) roots.set(activity.id, post.rootId);
      else if (post.replyTo) parents.add(post.replyTo);
      else roots.set(activity.id, post.remoteId);
    }
    const parentRoot = new Map<string, string>();
    for (const part of chunks([...parents], INSERT_CHUNK)) {
      const items = await trx
        .selectFrom('inbox_item')
        .innerJoin('inbox_conversation', 'inbox_conversation.id', 'inbox_item.conversation_id')
        .select(['inbox_item.remote_id', 'inbox_conversation.root_remote_id'])
        .where('inbox_item.channel_id', '=', channel.id)
        .where('inbox_item.remote_id', 'in', part)
        .execute();
      for (const row of items) if (row.remote_id) parentRoot.set(row.remote_id, row.root_remote_id);
      const replies = await trx
        .selectFrom('inbox_reply')
        .innerJoin('inbox_item', 'inbox_item.id', 'inbox_reply.item_id')
        .innerJoin('inbox_conversation', 'inbox_conversation.id', 'inbox_item.conversation_id')
        .select(['inbox_reply.remote_id', 'inbox_conversation.root_remote_id'])
        .where('inbox_reply.channel_id', '=', channel.id)
        .where('inbox_reply.remote_id', 'in', part)
        .execute();
      for (const row of replies) if (row.remote_id) parentRoot.set(row.remote_id, row.root_remote_id);
    }
    for (const { activity } of fresh) {
      if (roots.has(activity.id)) continue;
      const parent = activity.post!.replyTo!;
      roots.set(activity.id, parentRoot.get(parent) ?? parent);
    }
    return roots;
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

function dateMs(value: string, fallback: number): number {
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : fallback;
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < values.length; index += size) out.push(values.slice(index, index + size));
  return out;
}
