// What a client does through an approval link, without an account: read the
// period's posts, approve one, comment on one. Each action lands in the post's
// history as "Client: <name>" and the team hears about it.
//
// What approving means: a post waiting for the team's own approval becomes
// approved (the link was made by someone allowed to approve, who handed the
// decision to the client) and is scheduled as an approver's "yes" would — but
// only when the client saw every copy of it: a copy on a channel the link
// leaves out, or planned outside its period, keeps the post waiting for the
// team. Any other post keeps its state: the client's approval is recorded in
// its history and the team is told. A post whose every copy is already out
// cannot be approved any more, only commented on.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ClientAction, ReviewMedia, ReviewPage, ReviewPost } from '../../../shared/approval-links.ts';
import { recordPostEvent, type EventActor } from '../publishing/post-events.ts';
import type { PostReview } from '../publishing/post-review.ts';
import { periodDays, type ActiveLink, type ApprovalLinks } from './approval-link-store.ts';
import { mediaIdsOf, postsInScope, type ScopedPost } from './review-scope.ts';

export interface ClientActionEvent {
  workspaceId: string;
  postId: string;
  link: ActiveLink;
  kind: 'approved' | 'commented';
  clientName: string;
  comment: string | null;
  /** The post was waiting for approval and the client's approval scheduled it. */
  becameApproved: boolean;
}

export interface ClientActionListener {
  clientActed(event: ClientActionEvent): Promise<void>;
}

/** How the history names a client: their own words, marked as a client's. */
export function clientActor(name: string): EventActor {
  return { userId: null, label: `Client: ${name}` };
}

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());
const outStates = new Set(['published', 'publishing']);

/** Token-scoped addresses of a link's media (the client has no account to read the workspace's). */
export function reviewMediaPath(token: string, mediaId: string, variant: 'thumbnail' | 'file'): string {
  return `/api/review/${encodeURIComponent(token)}/media/${encodeURIComponent(mediaId)}/${variant}`;
}

export class ClientReview {
  private readonly db: Kysely<Database>;
  private readonly links: ApprovalLinks;
  private readonly review: PostReview;
  private readonly listener: ClientActionListener;
  private readonly now: () => number;

  /** `review` should not notify by itself: the listener here tells the team, once, in a client's words. */
  constructor(deps: { db: Kysely<Database>; links: ApprovalLinks; review: PostReview; listener: ClientActionListener; now?: () => number }) {
    this.db = deps.db;
    this.links = deps.links;
    this.review = deps.review;
    this.listener = deps.listener;
    this.now = deps.now ?? Date.now;
  }

  async page(token: string): Promise<ReviewPage> {
    const link = await this.links.resolve(token);
    const workspace = await this.db.selectFrom('organization').select(['name', 'timeZone', 'language']).where('id', '=', link.workspaceId).executeTakeFirstOrThrow();
    const timeZone = workspace.timeZone || 'UTC';
    const posts = await postsInScope(this.db, link);
    const [views, media] = await Promise.all([this.views(link, posts), this.media(link, token, posts)]);
    await this.links.markOpened(link);
    return {
      link: { label: link.label, ...periodDays(link.periodStart, link.periodEnd, timeZone), expiresAt: iso(link.expiresAt)! },
      workspace: { name: workspace.name, timeZone, language: workspace.language || 'en' },
      posts: views,
      media,
    };
  }

  async approve(token: string, postId: string, clientName: string, comment: string | null): Promise<ReviewPost> {
    const link = await this.links.resolve(token);
    const post = await this.scopedPost(link, postId);
    const actor = clientActor(clientName);
    const already = await this.db
      .selectFrom('approval_link_action')
      .select('id')
      .where('workspace_id', '=', link.workspaceId)
      .where('post_id', '=', postId)
      .where('kind', '=', 'approved')
      .where('client_name', '=', clientName)
      .where('post_version', '=', post.version)
      .executeTakeFirst();
    // A second tap (or a reload and a tap) on a version this person already approved changes nothing.
    if (already && !comment) return this.view(link, postId);
    if (!post.targets.some((target) => !outStates.has(target.state))) throw new AppError(409, 'client_approval_too_late');

    let becameApproved = false;
    const copies = await this.db.selectFrom('post_target').select((eb) => eb.fn.countAll<number>().as('count')).where('post_id', '=', postId).where('workspace_id', '=', link.workspaceId).executeTakeFirstOrThrow();
    const sawEveryCopy = Number(copies.count) === post.targets.length;
    if (post.approval === 'pending' && sawEveryCopy) {
      try {
        await this.review.approve(link.workspaceId, postId, actor, comment);
        becameApproved = true;
      } catch (error) {
        // Approved (or sent back) by the team a moment ago: the client's approval is still recorded below.
        if (!(error instanceof AppError && error.code === 'approval_not_pending')) throw error;
      }
    }
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      if (!becameApproved) await recordPostEvent(trx, { postId, workspaceId: link.workspaceId, actor, action: 'approved', detail: comment ? { comment } : null, at: now });
      await this.recordAction(trx, link, post, 'approved', clientName, comment, now);
    });
    await this.listener.clientActed({ workspaceId: link.workspaceId, postId, link, kind: 'approved', clientName, comment, becameApproved });
    return this.view(link, postId);
  }

  async comment(token: string, postId: string, clientName: string, comment: string): Promise<ReviewPost> {
    if (comment.trim() === '') throw new AppError(400, 'client_comment_required');
    const link = await this.links.resolve(token);
    const post = await this.scopedPost(link, postId);
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await recordPostEvent(trx, { postId, workspaceId: link.workspaceId, actor: clientActor(clientName), action: 'commented', detail: { comment }, at: now });
      await this.recordAction(trx, link, post, 'commented', clientName, comment, now);
    });
    await this.listener.clientActed({ workspaceId: link.workspaceId, postId, link, kind: 'commented', clientName, comment, becameApproved: false });
    return this.view(link, postId);
  }

  /** The workspace a media file may be read from through this token; 404 unless a shown post uses it. */
  async mediaWorkspace(token: string, mediaId: string): Promise<string> {
    const link = await this.links.resolve(token);
    const posts = await postsInScope(this.db, link);
    if (!mediaIdsOf(posts).includes(mediaId)) throw new AppError(404, 'media_not_found');
    return link.workspaceId;
  }

  private async scopedPost(link: ActiveLink, postId: string): Promise<ScopedPost> {
    const [post] = await postsInScope(this.db, link, [postId]);
    if (!post) throw new AppError(404, 'not_found');
    return post;
  }

  private async recordAction(trx: Kysely<Database>, link: ActiveLink, post: ScopedPost, kind: 'approved' | 'commented', clientName: string, comment: string | null, at: number): Promise<void> {
    // The version the client saw: an edit afterwards makes this approval "outdated" on the page.
    const current = await trx.selectFrom('post').select('version').where('id', '=', post.id).where('workspace_id', '=', link.workspaceId).executeTakeFirstOrThrow();
    await trx
      .insertInto('approval_link_action')
      .values({ id: randomUUID(), link_id: link.id, workspace_id: link.workspaceId, post_id: post.id, kind, client_name: clientName, comment, post_version: Number(current.version), created_at: at })
      .execute();
  }

  private async view(link: ActiveLink, postId: string): Promise<ReviewPost> {
    const [post] = await this.views(link, await postsInScope(this.db, link, [postId]));
    if (!post) throw new AppError(404, 'not_found');
    return post;
  }

  private async views(link: ActiveLink, posts: ScopedPost[]): Promise<ReviewPost[]> {
    if (posts.length === 0) return [];
    const actions = await this.db
      .selectFrom('approval_link_action')
      .select(['post_id', 'kind', 'client_name', 'comment', 'post_version', 'created_at'])
      .where('workspace_id', '=', link.workspaceId)
      .where('post_id', 'in', posts.map((post) => post.id))
      .orderBy('created_at')
      .execute();
    return posts
      .map((post): ReviewPost => {
        const mine: ClientAction[] = actions
          .filter((action) => action.post_id === post.id)
          .map((action) => ({
            kind: action.kind,
            name: action.client_name,
            comment: action.comment,
            at: iso(Number(action.created_at))!,
            current: action.kind !== 'approved' || Number(action.post_version) === post.version,
          }));
        const times = post.targets.map((target) => target.publishedAt ?? target.scheduledAt).filter((time): time is number => time != null);
        return {
          id: post.id,
          at: times.length ? iso(Math.min(...times)) : null,
          approval: post.approval,
          targets: post.targets.map((target) => ({
            id: target.id,
            network: target.network,
            handle: target.handle,
            displayName: target.displayName,
            avatarUrl: target.avatarUrl,
            serverUrl: target.serverUrl,
            content: target.content,
            state: target.state,
            scheduledAt: iso(target.scheduledAt),
            publishedAt: iso(target.publishedAt),
            remoteUrl: target.remoteUrl,
          })),
          actions: mine,
          canApprove: post.targets.some((target) => !outStates.has(target.state)),
          approvedByClient: mine.some((action) => action.kind === 'approved' && action.current),
        };
      })
      .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  }

  private async media(link: ActiveLink, token: string, posts: ScopedPost[]): Promise<ReviewMedia[]> {
    const ids = mediaIdsOf(posts);
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('media')
      .select(['id', 'kind', 'mime_type', 'file_name', 'alt_text', 'thumbnail_key'])
      .where('workspace_id', '=', link.workspaceId)
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      mimeType: row.mime_type,
      fileName: row.file_name,
      altText: row.alt_text,
      thumbnailUrl: row.thumbnail_key ? reviewMediaPath(token, row.id, 'thumbnail') : null,
      fileUrl: reviewMediaPath(token, row.id, 'file'),
    }));
  }
}
