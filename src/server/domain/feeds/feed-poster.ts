// Turns one feed item into one post, through the publishing core like any other
// post (source 'rss'): the template rendered per channel within its network's
// limit (the summary shortened, never the link), the feed's mode (draft, queue,
// now) and campaign. The item is claimed inside the transaction that writes
// the post, so a second check racing this one writes nothing.
//
// Approval: the feed carries the right to publish of whoever created it,
// re-read at every post. A feed created by an owner, admin or editor (or an
// API key with such a role) publishes without approval; once that person has
// left the workspace or lost the right (or the key is revoked), the feed keeps
// running but its posts wait for an approver, like a contributor's.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ConnectorManifest } from '../../connectors/contract.ts';
import { AppError } from '../../errors.ts';
import type { PostService, PublishingActor } from '../publishing/post-service.ts';
import { can, isWorkspaceRole } from '../../../shared/roles.ts';
import type { PostContent, Schedule } from '../../../shared/publishing.ts';
import type { FeedEntryFields, FeedMode } from '../../../shared/feeds.ts';
import { renderFeedTemplate } from '../../../shared/feed-template.ts';
import type { FeedEntry } from './feed-parser.ts';
import type { FeedRow, FeedStore } from './feed-store.ts';

export type PostOutcome = 'posted' | 'taken';

/** Thrown inside the post's transaction to roll it back: another check has the item. */
class ItemTaken extends Error {}

export function entryFields(entry: FeedEntry): FeedEntryFields {
  return { title: entry.title, link: entry.link ?? '', summary: entry.summary, author: entry.author, categories: entry.categories };
}

export function scheduleFor(mode: FeedMode): Schedule {
  if (mode === 'now') return { kind: 'now' };
  if (mode === 'queue') return { kind: 'queue' };
  return { kind: 'draft', at: null };
}

export class FeedPoster {
  private readonly db: Kysely<Database>;
  private readonly store: FeedStore;
  private readonly posts: PostService;
  private readonly manifest: (network: string) => ConnectorManifest | null;
  private readonly now: () => number;

  constructor(deps: { db: Kysely<Database>; store: FeedStore; posts: PostService; manifest: (network: string) => ConnectorManifest | null; now?: () => number }) {
    this.db = deps.db;
    this.store = deps.store;
    this.posts = deps.posts;
    this.manifest = deps.manifest;
    this.now = deps.now ?? Date.now;
  }

  /** 'taken' when another check claimed the item first. Throws an AppError when the item cannot be posted. */
  async post(feed: FeedRow, entry: FeedEntry): Promise<PostOutcome> {
    const channels = await this.channels(feed);
    const fields = entryFields(entry);
    const texts = channels.map((channel) => {
      const limits = this.manifest(channel.network)?.limits;
      const rendered = renderFeedTemplate(feed.template, fields, limits);
      if (rendered.text === '') throw new AppError(422, 'feed_text_empty');
      if (!rendered.fits) throw new AppError(422, 'feed_text_too_long', { channel: channel.handle, max: limits?.maxLength ?? 0 });
      return { channelId: channel.id, text: rendered.text };
    });
    // The post's own text is the fullest version; channels that needed a shorter one carry it as their own.
    const base = texts.reduce((longest, entry) => (entry.text.length > longest.text.length ? entry : longest)).text;
    const content = (text: string): PostContent => ({ text, media: [], thread: [], firstReply: null });
    const actor: PublishingActor = { userId: null, label: `RSS: ${feed.title}`.slice(0, 120), canPublish: await this.creatorCanPublish(feed) };
    try {
      await this.posts.create(feed.workspace_id, actor, {
        content: content(base),
        channels: texts.map((entry) => ({ channelId: entry.channelId, content: entry.text === base ? null : content(entry.text) })),
        schedule: scheduleFor(feed.mode),
        campaignId: feed.campaign_id,
        source: 'rss',
        beforeWrite: async (trx, postId) => {
          if (!(await this.store.claim(trx, feed, entry, postId, this.now()))) throw new ItemTaken();
        },
      });
      return 'posted';
    } catch (error) {
      if (error instanceof ItemTaken) return 'taken';
      throw error;
    }
  }

  /** The feed's channels still in the workspace (a channel removed since is skipped). */
  private async channels(feed: FeedRow) {
    const ids = JSON.parse(feed.channel_ids) as string[];
    const rows = ids.length === 0 ? [] : await this.db.selectFrom('channel').select(['id', 'network', 'handle']).where('workspace_id', '=', feed.workspace_id).where('id', 'in', ids).execute();
    if (rows.length === 0) throw new AppError(409, 'feed_no_channels');
    return ids.map((id) => rows.find((row) => row.id === id)).filter((row) => row !== undefined);
  }

  private async creatorCanPublish(feed: FeedRow): Promise<boolean> {
    if (feed.created_by) {
      const member = await this.db.selectFrom('member').select('role').where('organizationId', '=', feed.workspace_id).where('userId', '=', feed.created_by).executeTakeFirst();
      return isWorkspaceRole(member?.role) && can(member.role, 'content:publish');
    }
    if (feed.created_by_key) {
      const key = await this.db.selectFrom('api_key').select(['role', 'revoked_at']).where('id', '=', feed.created_by_key).where('workspace_id', '=', feed.workspace_id).executeTakeFirst();
      return key !== undefined && key.revoked_at === null && isWorkspaceRole(key.role) && can(key.role, 'content:publish');
    }
    return false;
  }
}
