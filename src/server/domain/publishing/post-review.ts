// Approvals and the decisions a person takes on a target: approve or send
// back a contributor's post (with a comment), comment, and settle a target
// that failed or whose outcome is unknown (retry, or "it is published").
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { AppError } from '../../errors.ts';
import { recordPostEvent, type EventActor } from './post-events.ts';
import { enqueuePublish } from './publish-jobs.ts';

export interface ReviewListener {
  decided(workspaceId: string, postId: string, decision: 'approved' | 'rejected', actor: EventActor, comment: string | null): Promise<void>;
  commented(workspaceId: string, postId: string, actor: EventActor, comment: string): Promise<void>;
}

export class PostReview {
  private readonly db: Kysely<Database>;
  private readonly queue: JobQueue;
  private readonly listener: ReviewListener;
  private readonly now: () => number;

  constructor(deps: { db: Kysely<Database>; queue: JobQueue; listener: ReviewListener; now?: () => number }) {
    this.db = deps.db;
    this.queue = deps.queue;
    this.listener = deps.listener;
    this.now = deps.now ?? Date.now;
  }

  /** Approved targets are scheduled at their time (or at once when it has passed or none was set). */
  async approve(workspaceId: string, postId: string, actor: EventActor, comment: string | null): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const post = await trx.selectFrom('post').select(['id', 'approval']).where('id', '=', postId).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!post) throw new AppError(404, 'not_found');
      const marked = await trx.updateTable('post').set({ approval: 'approved', updated_at: now }).where('id', '=', postId).where('approval', '=', 'pending').executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) throw new AppError(409, 'approval_not_pending');
      const targets = await trx.selectFrom('post_target').select(['id', 'version', 'scheduled_at']).where('post_id', '=', postId).where('state', '=', 'pending_approval').execute();
      for (const target of targets) {
        const version = Number(target.version) + 1;
        const runAt = target.scheduled_at == null ? now : Math.max(now, Number(target.scheduled_at));
        await trx.updateTable('post_target').set({ state: 'scheduled', scheduled_at: runAt, version, updated_at: now }).where('id', '=', target.id).execute();
        await enqueuePublish(this.queue, trx, { id: target.id, version, workspaceId, runAt });
      }
      await recordPostEvent(trx, { postId, workspaceId, actor, action: 'approved', detail: comment ? { comment } : null, at: now });
    });
    await this.listener.decided(workspaceId, postId, 'approved', actor, comment);
  }

  /** Back to the author as a draft, with the reason. */
  async reject(workspaceId: string, postId: string, actor: EventActor, comment: string): Promise<void> {
    if (comment.trim() === '') throw new AppError(400, 'approval_comment_required');
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const post = await trx.selectFrom('post').select(['id']).where('id', '=', postId).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!post) throw new AppError(404, 'not_found');
      const marked = await trx.updateTable('post').set({ approval: 'rejected', schedule_kind: 'draft', updated_at: now }).where('id', '=', postId).where('approval', '=', 'pending').executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) throw new AppError(409, 'approval_not_pending');
      const targets = await trx.selectFrom('post_target').select(['id', 'version']).where('post_id', '=', postId).where('state', '=', 'pending_approval').execute();
      for (const target of targets) {
        await trx.updateTable('post_target').set({ state: 'draft', version: Number(target.version) + 1, updated_at: now }).where('id', '=', target.id).execute();
      }
      await recordPostEvent(trx, { postId, workspaceId, actor, action: 'rejected', detail: { comment }, at: now });
    });
    await this.listener.decided(workspaceId, postId, 'rejected', actor, comment);
  }

  async comment(workspaceId: string, postId: string, actor: EventActor, comment: string): Promise<void> {
    const post = await this.db.selectFrom('post').select('id').where('id', '=', postId).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!post) throw new AppError(404, 'not_found');
    await recordPostEvent(this.db, { postId, workspaceId, actor, action: 'commented', detail: { comment }, at: this.now() });
    await this.listener.commented(workspaceId, postId, actor, comment);
  }

  /**
   * Settles a failed target or one whose outcome is unknown. `retry` publishes
   * again now, after reconciling with the network first (the same publish key
   * is kept, so a post that did go out is found, not doubled); `published`
   * records that a person saw it on the network.
   */
  async resolveTarget(workspaceId: string, postId: string, targetId: string, actor: EventActor, resolution: { action: 'retry' } | { action: 'published'; url: string | null }): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('post_target').select(['id', 'state', 'version']).where('id', '=', targetId).where('post_id', '=', postId).where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!row) throw new AppError(404, 'not_found');
      if (row.state !== 'failed' && row.state !== 'needs_attention') throw new AppError(409, 'target_not_retryable');
      const version = Number(row.version) + 1;
      if (resolution.action === 'retry') {
        await trx
          .updateTable('post_target')
          .set({ state: 'scheduled', scheduled_at: now, version, attempts: 0, next_attempt_at: null, hold_reason: null, failure_code: null, failure_message: null, updated_at: now })
          .where('id', '=', targetId)
          .where('version', '=', row.version)
          .execute();
        await enqueuePublish(this.queue, trx, { id: targetId, version, workspaceId, runAt: now });
      } else {
        await trx
          .updateTable('post_target')
          .set({ state: 'published', version, remote_url: resolution.url, published_at: now, hold_reason: null, failure_code: null, failure_message: null, updated_at: now })
          .where('id', '=', targetId)
          .where('version', '=', row.version)
          .execute();
      }
      await recordPostEvent(trx, { postId, workspaceId, targetId, actor, action: resolution.action === 'retry' ? 'retried' : 'marked_published', detail: resolution.action === 'published' ? { url: resolution.url } : null, at: now });
    });
  }
}
