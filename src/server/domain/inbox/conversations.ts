// A conversation as the inbox shows it: the whole thread from its first post
// down, read from the network and kept (re-read when older than a couple of
// minutes: Bluesky's AppView indexes replies a moment after they exist), with
// the brand's own posts marked and each post that is an inbox item linked.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Connector, ThreadPost } from '../../connectors/contract.ts';
import type { ChannelView } from '../channels/channel-store.ts';
import type { AuthorCard, ConversationView, Sentiment, ThreadPostView } from '../../../shared/inbox.ts';
import { authorView, loadItemViews, type ItemRow } from './item-views.ts';

const THREAD_FRESH_MS = 2 * 60_000;

export interface ConversationsDeps {
  db: Kysely<Database>;
  channel(workspaceId: string, channelId: string): Promise<ChannelView | null>;
  remoteIdOf(channelId: string): Promise<string | null>;
  connectorFor(channel: ChannelView): Promise<Connector | null>;
  now?: () => number;
}

export class Conversations {
  readonly #deps: ConversationsDeps;
  readonly #now: () => number;

  constructor(deps: ConversationsDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async get(workspaceId: string, conversationId: string, options: { refresh?: boolean } = {}): Promise<ConversationView> {
    const { db } = this.#deps;
    const conversation = await db.selectFrom('inbox_conversation').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
    if (!conversation) throw new AppError(404, 'inbox_conversation_not_found');
    const rows = (await db.selectFrom('inbox_item').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute()) as ItemRow[];
    let thread = conversation.thread ? (JSON.parse(conversation.thread) as ThreadPost) : null;
    let fetchedAt = conversation.thread_fetched_at == null ? null : Number(conversation.thread_fetched_at);
    const lastItem = Math.max(0, ...rows.map((row) => Number(row.received_at)));
    const stale = fetchedAt === null || this.#now() - fetchedAt > THREAD_FRESH_MS || lastItem > fetchedAt;
    if (options.refresh || stale) {
      const fresh = await this.#read(workspaceId, conversation.channel_id, conversation.root_remote_id, conversation.root_url, conversation.root_ref);
      if (fresh) {
        thread = fresh;
        fetchedAt = this.#now();
        await db.updateTable('inbox_conversation').set({ thread: JSON.stringify(fresh), thread_fetched_at: fetchedAt }).where('id', '=', conversationId).execute();
      }
    }
    const brandId = await this.#deps.remoteIdOf(conversation.channel_id);
    const itemByRemote = new Map(rows.filter((row) => row.remote_id).map((row) => [row.remote_id!, row.id]));
    return {
      id: conversation.id,
      channelId: conversation.channel_id,
      rootUrl: conversation.root_url ?? thread?.url ?? null,
      postId: conversation.post_id,
      thread: thread ? threadView(thread, brandId, itemByRemote) : null,
      threadFetchedAt: fetchedAt === null ? null : new Date(fetchedAt).toISOString(),
      items: await loadItemViews(db, rows, this.#now()),
    };
  }

  /** The thread from the network, or null when it cannot be read now (the kept copy is shown). */
  async #read(workspaceId: string, channelId: string, rootId: string, rootUrl: string | null, rootRef: string | null): Promise<ThreadPost | null> {
    const channel = await this.#deps.channel(workspaceId, channelId);
    if (!channel || channel.status === 'reconnect_needed' || channel.status === 'disabled') return null;
    const connector = await this.#deps.connectorFor(channel);
    if (!connector || !connector.manifest.capabilities.includes('thread.fetch')) return null;
    try {
      return await connector.thread({ remoteId: rootId, url: rootUrl ?? '', ref: rootRef ?? undefined });
    } catch {
      return null;
    }
  }

  async authorCard(workspaceId: string, authorId: string): Promise<AuthorCard> {
    const { db } = this.#deps;
    const author = await db.selectFrom('inbox_author').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', authorId).executeTakeFirst();
    if (!author) throw new AppError(404, 'inbox_author_not_found');
    const [recent, sentiments, replies] = await Promise.all([
      db.selectFrom('inbox_item').selectAll().where('author_id', '=', authorId).orderBy('id', 'desc').limit(10).execute(),
      db.selectFrom('inbox_item').select(['sentiment', (eb) => eb.fn.countAll<number>().as('count')]).where('author_id', '=', authorId).groupBy('sentiment').execute(),
      db
        .selectFrom('inbox_reply')
        .innerJoin('inbox_item', 'inbox_item.id', 'inbox_reply.item_id')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('inbox_item.author_id', '=', authorId)
        .where('inbox_reply.state', '=', 'sent')
        .executeTakeFirstOrThrow(),
    ]);
    // Counted here from the items' author index rather than kept as counters every arrival would rewrite.
    const sentimentCounts: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0 };
    let itemCount = 0;
    for (const row of sentiments) {
      itemCount += Number(row.count);
      if (row.sentiment) sentimentCounts[row.sentiment] = Number(row.count);
    }
    const lastSeenAt = recent.length > 0 ? Math.max(...recent.map((item) => Number(item.received_at))) : Number(author.first_seen_at);
    return {
      ...authorView(author),
      itemCount,
      firstSeenAt: new Date(Number(author.first_seen_at)).toISOString(),
      lastSeenAt: new Date(lastSeenAt).toISOString(),
      repliesSent: Number(replies.count),
      sentimentCounts,
      recentItems: await loadItemViews(db, recent as ItemRow[], this.#now()),
    };
  }
}

function threadView(post: ThreadPost, brandId: string | null, itemByRemote: Map<string, number>): ThreadPostView {
  return {
    remoteId: post.remoteId,
    url: post.url,
    author: { handle: post.author.handle, displayName: post.author.displayName, avatarUrl: post.author.avatarUrl },
    text: post.text,
    createdAt: post.createdAt,
    fromBrand: brandId !== null && post.author.remoteId === brandId,
    itemId: itemByRemote.get(post.remoteId) ?? null,
    replies: post.replies.map((reply) => threadView(reply, brandId, itemByRemote)),
  };
}
