// The feed and feed_item tables: every statement scoped to a workspace, and the
// two writes that keep "one post per item" true under concurrency: marking an
// item seen never overwrites an item already posted, and a failure is recorded
// only while the item has no post.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, FeedItemTable, FeedTable } from '../../db/schema.ts';
import type { MessageCode } from '../../i18n/messages.ts';
import type { FeedItemStatus, FeedMode } from '../../../shared/feeds.ts';
import { guidKeyOf, type FeedEntry } from './feed-parser.ts';

export type FeedRow = Selectable<FeedTable>;
export type FeedItemRow = Selectable<FeedItemTable>;

export interface StoredProblem {
  code: MessageCode;
  params: Record<string, string | number>;
}

export interface FeedRecord {
  id: string;
  workspaceId: string;
  url: string;
  title: string;
  channelIds: string[];
  template: string;
  mode: FeedMode;
  campaignId: string | null;
  active: boolean;
  lastCheckedAt: number | null;
  nextCheckAt: number | null;
  lastError: StoredProblem | null;
  errorCount: number;
  postedCount: number;
  lastPostedAt: number | null;
  createdBy: string | null;
  createdAt: number;
}

export interface FeedItemRecord {
  title: string;
  link: string | null;
  status: FeedItemStatus;
  postId: string | null;
  publishedAt: number | null;
  seenAt: number;
  error: StoredProblem | null;
}

const INSERT_BATCH = 100;

export class FeedStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async list(workspaceId: string): Promise<FeedRecord[]> {
    const rows = await this.db.selectFrom('feed').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();
    return this.records(workspaceId, rows);
  }

  async get(workspaceId: string, feedId: string): Promise<FeedRecord | null> {
    const row = await this.row(workspaceId, feedId);
    return row ? (await this.records(workspaceId, [row]))[0] : null;
  }

  async row(workspaceId: string, feedId: string): Promise<FeedRow | null> {
    return (await this.db.selectFrom('feed').selectAll().where('id', '=', feedId).where('workspace_id', '=', workspaceId).executeTakeFirst()) ?? null;
  }

  /** Any workspace: for the checking job, which carries only the feed's id. */
  async rowById(feedId: string): Promise<FeedRow | null> {
    return (await this.db.selectFrom('feed').selectAll().where('id', '=', feedId).executeTakeFirst()) ?? null;
  }

  async urlTaken(workspaceId: string, url: string, exceptId: string | null = null): Promise<boolean> {
    let query = this.db.selectFrom('feed').select('id').where('workspace_id', '=', workspaceId).where('url', '=', url);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async items(workspaceId: string, feedId: string, limit: number): Promise<FeedItemRecord[]> {
    const rows = await this.db
      .selectFrom('feed_item')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('feed_id', '=', feedId)
      .orderBy('seen_at', 'desc')
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      title: row.title,
      link: row.link,
      status: row.status,
      postId: row.post_id,
      publishedAt: row.published_at === null ? null : Number(row.published_at),
      seenAt: Number(row.seen_at),
      error: parseProblem(row.error),
    }));
  }

  /** What the feed already knows of these items. */
  async known(feedId: string, keys: string[]): Promise<Map<string, { status: FeedItemStatus; attempts: number }>> {
    const known = new Map<string, { status: FeedItemStatus; attempts: number }>();
    for (let start = 0; start < keys.length; start += INSERT_BATCH) {
      const batch = keys.slice(start, start + INSERT_BATCH);
      const rows = await this.db.selectFrom('feed_item').select(['guid_key', 'status', 'attempts']).where('feed_id', '=', feedId).where('guid_key', 'in', batch).execute();
      for (const row of rows) known.set(row.guid_key, { status: row.status, attempts: Number(row.attempts) });
    }
    return known;
  }

  /** Failed items that will be tried again: while there are some, checks skip the conditional GET. */
  async hasRetryableFailures(feedId: string, maxAttempts: number): Promise<boolean> {
    const row = await this.db.selectFrom('feed_item').select('guid_key').where('feed_id', '=', feedId).where('status', '=', 'failed').where('attempts', '<', maxAttempts).executeTakeFirst();
    return row !== undefined;
  }

  /** Records items as seen without a post; an item already known keeps its row (never un-posted). */
  async markSeen(db: Kysely<Database> | Transaction<Database>, feed: Pick<FeedRow, 'id' | 'workspace_id'>, entries: FeedEntry[], status: 'skipped' | 'skipped_old', now: number): Promise<void> {
    const rows = entries.map((entry) => ({ ...itemValues(feed, entry, now), status, post_id: null, error: null, attempts: 0 }));
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await db
        .insertInto('feed_item')
        .values(rows.slice(start, start + INSERT_BATCH))
        .onConflict((oc) => oc.columns(['feed_id', 'guid_key']).doNothing())
        .execute();
    }
  }

  /**
   * Claims the item for `postId`, inside the transaction that writes the post.
   * False when another check already has it (posted, skipped, or claimed in a
   * transaction that committed first: PostgreSQL makes this insert wait for it).
   */
  async claim(trx: Transaction<Database>, feed: Pick<FeedRow, 'id' | 'workspace_id'>, entry: FeedEntry, postId: string, now: number): Promise<boolean> {
    const result = await trx
      .insertInto('feed_item')
      .values({ ...itemValues(feed, entry, now), status: 'posted', post_id: postId, error: null, attempts: 1 })
      .onConflict((oc) =>
        oc
          .columns(['feed_id', 'guid_key'])
          .doUpdateSet({ status: 'posted', post_id: postId, error: null, seen_at: now, attempts: sql`feed_item.attempts + 1` })
          .where('feed_item.status', '=', 'failed'),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The item could not be posted: kept as failed (tried again by later checks); an item with a post is left alone. */
  async recordFailure(feed: Pick<FeedRow, 'id' | 'workspace_id'>, entry: FeedEntry, problem: StoredProblem, now: number): Promise<void> {
    const error = JSON.stringify(problem);
    await this.db
      .insertInto('feed_item')
      .values({ ...itemValues(feed, entry, now), status: 'failed', post_id: null, error, attempts: 1 })
      .onConflict((oc) => oc.columns(['feed_id', 'guid_key']).doUpdateSet({ error, attempts: sql`feed_item.attempts + 1` }).where('feed_item.status', '=', 'failed'))
      .execute();
  }

  private async records(workspaceId: string, rows: FeedRow[]): Promise<FeedRecord[]> {
    if (rows.length === 0) return [];
    const counts = await this.db
      .selectFrom('feed_item')
      .select((eb) => ['feed_id', eb.fn.countAll<number | string>().as('posted'), eb.fn.max('seen_at').as('last')])
      .where('workspace_id', '=', workspaceId)
      .where('feed_id', 'in', rows.map((row) => row.id))
      .where('status', '=', 'posted')
      .groupBy('feed_id')
      .execute();
    const byFeed = new Map(counts.map((c) => [c.feed_id, { posted: Number(c.posted), last: c.last === null ? null : Number(c.last) }]));
    return rows.map((row) => ({
      id: row.id,
      workspaceId: row.workspace_id,
      url: row.url,
      title: row.title,
      channelIds: JSON.parse(row.channel_ids) as string[],
      template: row.template,
      mode: row.mode,
      campaignId: row.campaign_id,
      active: Boolean(row.active),
      lastCheckedAt: row.last_checked_at === null ? null : Number(row.last_checked_at),
      nextCheckAt: row.next_check_at === null ? null : Number(row.next_check_at),
      lastError: parseProblem(row.last_error),
      errorCount: Number(row.error_count),
      postedCount: byFeed.get(row.id)?.posted ?? 0,
      lastPostedAt: byFeed.get(row.id)?.last ?? null,
      createdBy: row.created_by,
      createdAt: Number(row.created_at),
    }));
  }
}

function itemValues(feed: Pick<FeedRow, 'id' | 'workspace_id'>, entry: FeedEntry, now: number) {
  return {
    feed_id: feed.id,
    workspace_id: feed.workspace_id,
    guid_key: guidKeyOf(entry),
    title: entry.title.slice(0, 500),
    link: entry.link === null ? null : entry.link.slice(0, 2000),
    published_at: entry.publishedAt,
    seen_at: now,
  };
}

export function parseProblem(value: string | null): StoredProblem | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as StoredProblem;
  } catch {
    return null;
  }
}
