// What a link lets a client see: the copies (targets) of the workspace's live
// posts planned or published inside the link's period, on the link's channels.
// Every read of the client's page and every action goes through here, so a
// post outside the period or of another workspace is never reachable.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PostContent } from '../../../shared/publishing.ts';
import { parseContent } from '../publishing/post-views.ts';
import type { ActiveLink } from './approval-link-store.ts';

export interface ScopedTarget {
  id: string;
  postId: string;
  channelId: string;
  network: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  serverUrl: string;
  content: PostContent;
  state: Database['post_target']['state'];
  scheduledAt: number | null;
  publishedAt: number | null;
  remoteUrl: string | null;
}

export interface ScopedPost {
  id: string;
  approval: Database['post']['approval'];
  version: number;
  content: PostContent;
  targets: ScopedTarget[];
}

/** The most one page shows (a busy month of several channels stays far below). */
const maxTargets = 1000;

export async function postsInScope(db: Kysely<Database>, link: ActiveLink, postIds?: string[]): Promise<ScopedPost[]> {
  if (postIds && postIds.length === 0) return [];
  let query = db
    .selectFrom('post_target')
    .innerJoin('post', 'post.id', 'post_target.post_id')
    .innerJoin('channel', 'channel.id', 'post_target.channel_id')
    .select([
      'post_target.id',
      'post_target.post_id',
      'post_target.channel_id',
      'post_target.content',
      'post_target.state',
      'post_target.scheduled_at',
      'post_target.published_at',
      'post_target.remote_url',
      'post.approval',
      'post.version',
      'post.content as post_content',
      'channel.network',
      'channel.handle',
      'channel.display_name',
      'channel.avatar_url',
      'channel.server_url',
    ])
    .where('post_target.workspace_id', '=', link.workspaceId)
    .where('post.workspace_id', '=', link.workspaceId)
    .where('channel.workspace_id', '=', link.workspaceId)
    .where('post.deleted_at', 'is', null)
    // A published copy counts at its publication time, the others at their planned time (as on the calendar).
    .where((eb) =>
      eb.or([
        eb.and([eb('post_target.published_at', 'is not', null), eb('post_target.published_at', '>=', link.periodStart), eb('post_target.published_at', '<', link.periodEnd)]),
        eb.and([eb('post_target.published_at', 'is', null), eb('post_target.scheduled_at', '>=', link.periodStart), eb('post_target.scheduled_at', '<', link.periodEnd)]),
      ]),
    );
  if (link.channelIds) query = query.where('post_target.channel_id', 'in', link.channelIds.length ? link.channelIds : ['']);
  if (postIds) query = query.where('post_target.post_id', 'in', postIds);
  const rows = await query.orderBy('post_target.scheduled_at').orderBy('channel.handle').limit(maxTargets).execute();

  const posts = new Map<string, ScopedPost>();
  for (const row of rows) {
    let post = posts.get(row.post_id);
    if (!post) {
      post = { id: row.post_id, approval: row.approval, version: Number(row.version), content: parseContent(row.post_content), targets: [] };
      posts.set(row.post_id, post);
    }
    post.targets.push({
      id: row.id,
      postId: row.post_id,
      channelId: row.channel_id,
      network: row.network,
      handle: row.handle,
      displayName: row.display_name,
      avatarUrl: row.avatar_url,
      serverUrl: row.server_url,
      content: parseContent(row.content),
      state: row.state,
      scheduledAt: row.scheduled_at == null ? null : Number(row.scheduled_at),
      publishedAt: row.published_at == null ? null : Number(row.published_at),
      remoteUrl: row.remote_url,
    });
  }
  return [...posts.values()];
}

/** Every media id the shown copies use (first post, thread parts). */
export function mediaIdsOf(posts: ScopedPost[]): string[] {
  const ids = new Set<string>();
  for (const post of posts) {
    for (const target of post.targets) {
      for (const ref of target.content.media) ids.add(ref.mediaId);
      for (const part of target.content.thread) for (const ref of part.media) ids.add(ref.mediaId);
    }
  }
  return [...ids];
}
