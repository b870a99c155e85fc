// Reading posts: one post with its targets, lists by state, the calendar and
// a post's history. Every query is scoped to the workspace.
import type { Kysely } from 'kysely';
import type { Database, TargetState } from '../../db/schema.ts';
import type { CalendarEntry, PostEventView, PostView } from '../../../shared/publishing.ts';
import { parseContent, toPostView, type TargetRowWithChannel } from './post-views.ts';

export interface PostListFilter {
  states?: TargetState[];
  approval?: 'pending' | 'rejected';
  channelIds?: string[];
  campaignId?: string;
  authorId?: string;
  limit: number;
}

export interface CalendarFilter {
  from: number;
  to: number;
  channelIds?: string[];
  campaignId?: string;
  states?: TargetState[];
  authorId?: string;
}

const iso = (value: number | null) => (value == null ? null : new Date(Number(value)).toISOString());

export class PostQueries {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async get(workspaceId: string, postId: string): Promise<PostView | null> {
    const [view] = await this.views(workspaceId, [postId]);
    return view ?? null;
  }

  async list(workspaceId: string, filter: PostListFilter): Promise<PostView[]> {
    let query = this.db
      .selectFrom('post')
      .select(['post.id', 'post.updated_at'])
      .where('post.workspace_id', '=', workspaceId)
      .where('post.deleted_at', 'is', null);
    if (filter.approval) query = query.where('post.approval', '=', filter.approval);
    if (filter.campaignId) query = query.where('post.campaign_id', '=', filter.campaignId);
    if (filter.authorId) query = query.where('post.author_id', '=', filter.authorId);
    if (filter.states?.length || filter.channelIds?.length) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('post_target')
            .select('post_target.id')
            .whereRef('post_target.post_id', '=', 'post.id')
            .$if(Boolean(filter.states?.length), (q) => q.where('post_target.state', 'in', filter.states!))
            .$if(Boolean(filter.channelIds?.length), (q) => q.where('post_target.channel_id', 'in', filter.channelIds!)),
        ),
      );
    }
    const rows = await query.orderBy('post.updated_at', 'desc').limit(filter.limit).execute();
    return this.views(workspaceId, rows.map((row) => row.id));
  }

  async calendar(workspaceId: string, filter: CalendarFilter): Promise<CalendarEntry[]> {
    let query = this.db
      .selectFrom('post_target')
      .innerJoin('post', 'post.id', 'post_target.post_id')
      .innerJoin('channel', 'channel.id', 'post_target.channel_id')
      .select([
        'post_target.id as target_id',
        'post_target.post_id',
        'post_target.channel_id',
        'post_target.state',
        'post_target.scheduled_at',
        'post_target.published_at',
        'post_target.content',
        'post_target.remote_url',
        'post.campaign_id',
        'post.author_id',
        'channel.network',
        'channel.handle',
      ])
      .where('post_target.workspace_id', '=', workspaceId)
      .where('post.deleted_at', 'is', null)
      // A published post sits at its publication time; the others at their planned time.
      .where((eb) =>
        eb.or([
          eb.and([eb('post_target.published_at', 'is not', null), eb('post_target.published_at', '>=', filter.from), eb('post_target.published_at', '<', filter.to)]),
          eb.and([eb('post_target.published_at', 'is', null), eb('post_target.scheduled_at', '>=', filter.from), eb('post_target.scheduled_at', '<', filter.to)]),
        ]),
      );
    if (filter.channelIds?.length) query = query.where('post_target.channel_id', 'in', filter.channelIds);
    if (filter.states?.length) query = query.where('post_target.state', 'in', filter.states);
    if (filter.campaignId) query = query.where('post.campaign_id', '=', filter.campaignId);
    if (filter.authorId) query = query.where('post.author_id', '=', filter.authorId);
    const rows = await query.orderBy('post_target.scheduled_at').limit(5000).execute();
    return rows.map((row) => {
      const content = parseContent(row.content);
      return {
        targetId: row.target_id,
        postId: row.post_id,
        channelId: row.channel_id,
        network: row.network,
        handle: row.handle,
        state: row.state,
        scheduledAt: iso(row.scheduled_at),
        publishedAt: iso(row.published_at),
        text: content.text.slice(0, 280),
        mediaCount: content.media.length,
        campaignId: row.campaign_id,
        authorId: row.author_id,
        remoteUrl: row.remote_url,
      };
    });
  }

  async history(workspaceId: string, postId: string): Promise<PostEventView[] | null> {
    const post = await this.db.selectFrom('post').select('id').where('id', '=', postId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!post) return null;
    const rows = await this.db
      .selectFrom('post_event')
      .leftJoin('user', 'user.id', 'post_event.actor_id')
      .select(['post_event.id', 'post_event.action', 'post_event.actor_label', 'user.name as actor_name', 'post_event.target_id', 'post_event.detail', 'post_event.created_at'])
      .where('post_event.post_id', '=', postId)
      .orderBy('post_event.id')
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      action: row.action,
      actor: row.actor_name ?? row.actor_label,
      targetId: row.target_id,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
      createdAt: iso(row.created_at)!,
    }));
  }

  private async views(workspaceId: string, postIds: string[]): Promise<PostView[]> {
    if (postIds.length === 0) return [];
    const posts = await this.db
      .selectFrom('post')
      .leftJoin('user', 'user.id', 'post.author_id')
      .selectAll('post')
      .select(['user.name as author_name'])
      .where('post.workspace_id', '=', workspaceId)
      .where('post.id', 'in', postIds)
      .where('post.deleted_at', 'is', null)
      .execute();
    const targets = await this.db
      .selectFrom('post_target')
      .innerJoin('channel', 'channel.id', 'post_target.channel_id')
      .selectAll('post_target')
      .select(['channel.network', 'channel.handle'])
      .where('post_target.post_id', 'in', postIds)
      .orderBy('channel.handle')
      .execute();
    const byPost = new Map<string, TargetRowWithChannel[]>();
    for (const target of targets) byPost.set(target.post_id, [...(byPost.get(target.post_id) ?? []), target]);
    const order = new Map(postIds.map((id, index) => [id, index]));
    return posts
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((post) => toPostView(post, byPost.get(post.id) ?? [], post.author_id && post.author_name ? { id: post.author_id, name: post.author_name } : null));
  }
}
