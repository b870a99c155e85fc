// The links of published posts and the clicks on their short links. A link
// row is written once per (target, link) — insert or get, atomic on both
// engines — so every retry of a target finds the code and the form chosen the
// first time.
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { shortLinkUrl, type PostLinksView } from '../../../shared/short-links.ts';
import { newShortCode } from './short-codes.ts';
import type { Visit } from './visit.ts';

export type LinkRow = Selectable<Database['short_link']>;

export interface NewLink {
  workspaceId: string;
  postId: string;
  targetId: string;
  channelId: string;
  /** As written in the post. */
  url: string;
  /** Normalized absolute http(s) URL, UTM parameters included. */
  destination: string;
  shortened: boolean;
  /** What the post carries instead of `url` when not shortened (the link with UTM parameters, as written). */
  tagged: string;
}

/** Codes are random: a clash with an existing one is possible in theory, and simply drawn again. */
const CODE_ATTEMPTS = 8;

export function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

export class LinkStore {
  private readonly db: Kysely<Database>;
  private readonly baseUrl: string;
  private readonly now: () => number;

  constructor(db: Kysely<Database>, baseUrl: string, now: () => number = Date.now) {
    this.db = db;
    this.baseUrl = baseUrl;
    this.now = now;
  }

  /** The rows already fixed for these links of a target, by the link as written. */
  async forTarget(workspaceId: string, targetId: string, urls: readonly string[]): Promise<Map<string, LinkRow>> {
    if (urls.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('short_link')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('target_id', '=', targetId)
      .where('url_key', 'in', urls.map(urlKey))
      .execute();
    return new Map(rows.map((row) => [row.url, row]));
  }

  /** The row for (target, url): the one already there, or this one with a fresh code. */
  async insertOrGet(link: NewLink): Promise<LinkRow> {
    const key = urlKey(link.url);
    for (let attempt = 1; ; attempt += 1) {
      const code = newShortCode();
      try {
        await this.db
          .insertInto('short_link')
          .values({
            id: randomUUID(),
            code,
            workspace_id: link.workspaceId,
            post_id: link.postId,
            target_id: link.targetId,
            channel_id: link.channelId,
            url: link.url,
            url_key: key,
            destination: link.destination,
            shortened: link.shortened ? 1 : 0,
            posted_as: link.shortened ? shortLinkUrl(this.baseUrl, code) : link.tagged,
            created_at: this.now(),
          })
          // Another attempt for the same target got there first: its row stands.
          .onConflict((oc) => oc.columns(['target_id', 'url_key']).doNothing())
          .execute();
      } catch (error) {
        // Only the code can clash here (the (target, url) conflict is absorbed above).
        if (isUniqueViolation(error) && attempt < CODE_ATTEMPTS) continue;
        throw error;
      }
      return this.db.selectFrom('short_link').selectAll().where('target_id', '=', link.targetId).where('url_key', '=', key).executeTakeFirstOrThrow();
    }
  }

  /** The link a published short link leads to; null for a code that never went out. */
  async byCode(code: string): Promise<{ id: string; workspaceId: string; destination: string } | null> {
    const row = await this.db.selectFrom('short_link').select(['id', 'workspace_id', 'destination']).where('code', '=', code).where('shortened', '=', 1).executeTakeFirst();
    return row ? { id: row.id, workspaceId: row.workspace_id, destination: row.destination } : null;
  }

  async recordClick(link: { id: string; workspaceId: string }, visit: Visit): Promise<void> {
    await this.db
      .insertInto('link_click')
      .values({ short_link_id: link.id, workspace_id: link.workspaceId, at: this.now(), referrer_host: visit.referrerHost, user_agent_family: visit.userAgentFamily, bot: visit.bot ? 1 : 0 })
      .execute();
  }

  /**
   * A post's links per channel with their clicks: those of published targets,
   * and any that was clicked (a thread cut short still has its first posts out).
   * Null when the post does not exist in the workspace.
   */
  async postLinks(workspaceId: string, postId: string): Promise<PostLinksView | null> {
    const post = await this.db.selectFrom('post').select('id').where('id', '=', postId).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!post) return null;
    const rows = await this.db
      .selectFrom('short_link')
      .innerJoin('post_target', 'post_target.id', 'short_link.target_id')
      .innerJoin('channel', 'channel.id', 'short_link.channel_id')
      .leftJoin('link_click', 'link_click.short_link_id', 'short_link.id')
      .select([
        'short_link.id',
        'short_link.target_id',
        'short_link.channel_id',
        'short_link.url',
        'short_link.destination',
        'short_link.posted_as',
        'short_link.shortened',
        'short_link.created_at',
        'post_target.state',
        'channel.network',
        'channel.handle',
        sql<number | string>`sum(case when ${sql.ref('link_click.bot')} = 0 then 1 else 0 end)`.as('clicks'),
        sql<number | string>`sum(case when ${sql.ref('link_click.bot')} = 1 then 1 else 0 end)`.as('bot_clicks'),
      ])
      .where('short_link.workspace_id', '=', workspaceId)
      .where('short_link.post_id', '=', postId)
      .groupBy(['short_link.id', 'short_link.target_id', 'short_link.channel_id', 'short_link.url', 'short_link.destination', 'short_link.posted_as', 'short_link.shortened', 'short_link.created_at', 'post_target.state', 'channel.network', 'channel.handle'])
      .orderBy('channel.handle')
      .orderBy('short_link.created_at')
      .orderBy('short_link.id')
      .execute();
    const links = rows
      .map((row) => ({ row, clicks: Number(row.clicks ?? 0), botClicks: Number(row.bot_clicks ?? 0) }))
      .filter(({ row, clicks, botClicks }) => row.state === 'published' || clicks + botClicks > 0)
      .map(({ row, clicks, botClicks }) => ({
        id: row.id,
        targetId: row.target_id,
        channelId: row.channel_id,
        network: row.network,
        handle: row.handle,
        url: row.url,
        destination: row.destination,
        // Exactly what the post carries (the base URL of that day).
        shortUrl: row.shortened ? row.posted_as : null,
        clicks,
        botClicks,
      }));
    return { links, clicks: links.reduce((sum, link) => sum + link.clicks, 0), botClicks: links.reduce((sum, link) => sum + link.botClicks, 0) };
  }
}
