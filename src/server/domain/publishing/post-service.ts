// Writing posts: create, edit, delete, reschedule. Every change a person
// makes bumps the version of the targets it touches, so a worker holding an
// older version publishes nothing; a target already being published (or
// published) is never changed under the worker's feet: the change is refused.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { AppError } from '../../errors.ts';
import type { PostContent, Schedule } from '../../../shared/publishing.ts';
import { recordPostEvent, type EventActor } from './post-events.ts';
import { enqueuePublish } from './publish-jobs.ts';
import { parseContent, sameContent } from './post-views.ts';
import type { PlannedTarget, TargetPlanner } from './target-plan.ts';
import { resolveScheduleTime } from './schedule-time.ts';

export interface PublishingActor extends EventActor {
  /** May publish without approval (owner, admin, editor). */
  canPublish: boolean;
}

export interface SavePostInput {
  content: PostContent;
  channels: Array<{ channelId: string; content: PostContent | null }>;
  schedule: Schedule;
  campaignId: string | null;
  source?: string;
  /**
   * Runs first in the transaction that writes the post, with the post's id; throwing writes nothing.
   * A feed claims its item here, so an item and its post are committed together or not at all.
   */
  beforeWrite?: (trx: Transaction<Database>, postId: string) => Promise<void>;
}

/** Told after the change is committed (notifications, e-mails). */
export interface PostChangeListener {
  /** Posts now awaiting approval; several when they came together (a CSV import): approvers hear of them once. */
  submittedForApproval(workspaceId: string, postIds: string[], actor: EventActor): Promise<void>;
}

const unchangeable = ['publishing', 'published'] as const;

export class PostService {
  private readonly db: Kysely<Database>;
  private readonly queue: JobQueue;
  private readonly planner: TargetPlanner;
  private readonly listener: PostChangeListener;
  private readonly now: () => number;

  constructor(deps: { db: Kysely<Database>; queue: JobQueue; planner: TargetPlanner; listener: PostChangeListener; now?: () => number }) {
    this.db = deps.db;
    this.queue = deps.queue;
    this.planner = deps.planner;
    this.listener = deps.listener;
    this.now = deps.now ?? Date.now;
  }

  async create(workspaceId: string, actor: PublishingActor, input: SavePostInput): Promise<string> {
    const [postId] = await this.createAll(workspaceId, actor, [input]);
    return postId;
  }

  /**
   * Several posts at once, all or none (a CSV import): every post is checked and planned first,
   * then all are written in one transaction, and approvers are told once it is committed.
   */
  async createAll(workspaceId: string, actor: PublishingActor, inputs: SavePostInput[]): Promise<string[]> {
    const prepared: Array<{ input: SavePostInput; planned: PlannedTarget[]; postId: string; approval: 'not_required' | 'pending' }> = [];
    for (const input of inputs) {
      await this.checkCampaign(workspaceId, input.campaignId);
      const planned = await this.planner.plan({ workspaceId, content: input.content, channels: input.channels, schedule: input.schedule, canPublish: actor.canPublish });
      prepared.push({ input, planned, postId: randomUUID(), approval: this.approvalFor(input.schedule, actor) });
    }
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      for (const { input, planned, postId, approval } of prepared) {
        if (input.beforeWrite) await input.beforeWrite(trx, postId);
        await trx
          .insertInto('post')
          .values({
            id: postId,
            workspace_id: workspaceId,
            author_id: actor.userId,
            campaign_id: input.campaignId,
            content: JSON.stringify(input.content),
            schedule_kind: input.schedule.kind,
            approval,
            source: input.source ?? 'composer',
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        for (const target of planned) await this.insertTarget(trx, workspaceId, postId, target, now);
        await recordPostEvent(trx, { postId, workspaceId, actor, action: 'created', detail: { schedule: input.schedule.kind, channels: planned.map((t) => t.handle) }, at: now });
        if (approval === 'pending') await recordPostEvent(trx, { postId, workspaceId, actor, action: 'submitted', at: now });
      }
    });
    const pending = prepared.filter((entry) => entry.approval === 'pending').map((entry) => entry.postId);
    if (pending.length > 0) await this.listener.submittedForApproval(workspaceId, pending, actor);
    return prepared.map((entry) => entry.postId);
  }

  async update(workspaceId: string, postId: string, actor: PublishingActor, input: SavePostInput & { version: number }): Promise<void> {
    await this.checkCampaign(workspaceId, input.campaignId);
    const post = await this.db.selectFrom('post').selectAll().where('id', '=', postId).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!post) throw new AppError(404, 'not_found');
    if (Number(post.version) !== input.version) throw new AppError(409, 'post_changed');
    const existing = await this.db.selectFrom('post_target').selectAll().where('post_id', '=', postId).execute();
    const byChannel = new Map(existing.map((row) => [row.channel_id, row]));
    const published = existing.filter((row) => row.state === 'published');
    // Published copies stay as they are; only the others are planned again.
    const open = input.channels.filter((entry) => byChannel.get(entry.channelId)?.state !== 'published');
    for (const entry of input.channels) {
      const row = byChannel.get(entry.channelId);
      if (row?.state === 'published' && !sameContent(parseContent(row.content), entry.content ?? input.content)) {
        const channel = await this.db.selectFrom('channel').select('handle').where('id', '=', row.channel_id).executeTakeFirst();
        throw new AppError(409, 'post_already_published', { channel: channel?.handle ?? '' });
      }
    }
    const planned = open.length === 0 ? [] : await this.planner.plan({
      workspaceId,
      content: input.content,
      channels: open,
      schedule: input.schedule,
      canPublish: actor.canPublish,
      keepSlots: new Map(existing.map((row) => [row.channel_id, row.scheduled_at == null ? null : Number(row.scheduled_at)])),
    });
    const now = this.now();
    const approval = published.length > 0 && planned.length === 0 ? post.approval : this.approvalFor(input.schedule, actor);
    await this.db.transaction().execute(async (trx) => {
      const bumped = await trx
        .updateTable('post')
        .set({ content: JSON.stringify(input.content), schedule_kind: input.schedule.kind, campaign_id: input.campaignId, approval, version: Number(post.version) + 1, updated_at: now })
        .where('id', '=', postId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(bumped.numUpdatedRows) !== 1) throw new AppError(409, 'post_changed');

      const wanted = new Set(input.channels.map((c) => c.channelId));
      for (const row of existing) {
        if (wanted.has(row.channel_id) || row.state === 'published') continue;
        const removed = await trx.deleteFrom('post_target').where('id', '=', row.id).where('state', 'not in', unchangeable).executeTakeFirst();
        if (Number(removed.numDeletedRows) !== 1) throw new AppError(409, 'post_publishing_now');
      }
      for (const target of planned) {
        const row = byChannel.get(target.channelId);
        if (!row) {
          await this.insertTarget(trx, workspaceId, postId, target, now);
          continue;
        }
        if (row.published_parts !== '[]') throw new AppError(409, 'post_publishing_now');
        const version = Number(row.version) + 1;
        const changed = await trx
          .updateTable('post_target')
          .set({
            content: JSON.stringify(target.content),
            state: target.state,
            scheduled_at: target.scheduledAt,
            version,
            publish_key: null,
            publish_started_at: null,
            attempts: 0,
            next_attempt_at: null,
            hold_reason: null,
            failure_code: null,
            failure_message: null,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .where('version', '=', row.version)
          .where('state', 'not in', unchangeable)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) throw new AppError(409, 'post_publishing_now');
        if (target.state === 'scheduled') await enqueuePublish(this.queue, trx, { id: row.id, version, workspaceId, runAt: target.scheduledAt ?? now });
      }
      await recordPostEvent(trx, { postId, workspaceId, actor, action: 'updated', detail: { schedule: input.schedule.kind, channels: planned.map((t) => t.handle) }, at: now });
      if (approval === 'pending' && post.approval !== 'pending') await recordPostEvent(trx, { postId, workspaceId, actor, action: 'submitted', at: now });
    });
    if (approval === 'pending' && post.approval !== 'pending') await this.listener.submittedForApproval(workspaceId, [postId], actor);
  }

  /** Deletes what is not yet published; a target being published right now makes the whole deletion wait (409). */
  async delete(workspaceId: string, postId: string, actor: PublishingActor): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const post = await trx.selectFrom('post').select(['id']).where('id', '=', postId).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!post) throw new AppError(404, 'not_found');
      await trx.deleteFrom('post_target').where('post_id', '=', postId).where('state', 'not in', unchangeable).execute();
      const busy = await trx.selectFrom('post_target').select('id').where('post_id', '=', postId).where('state', '=', 'publishing').executeTakeFirst();
      if (busy) throw new AppError(409, 'post_publishing_now');
      await trx.updateTable('post').set({ deleted_at: now, updated_at: now }).where('id', '=', postId).execute();
      await recordPostEvent(trx, { postId, workspaceId, actor, action: 'deleted', at: now });
    });
  }

  /** Moves one target (a drag on the calendar). Contributors move only what is not yet approved. */
  async rescheduleTarget(workspaceId: string, postId: string, targetId: string, actor: PublishingActor, at: string): Promise<void> {
    const { timeZone } = await this.planner.workspaceSettings(workspaceId);
    const when = resolveScheduleTime(at, timeZone);
    const now = this.now();
    if (when < now - 60_000) throw new AppError(400, 'schedule_in_past');
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('post_target').selectAll().where('id', '=', targetId).where('post_id', '=', postId).where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!row) throw new AppError(404, 'not_found');
      if (row.state === 'publishing') throw new AppError(409, 'post_publishing_now');
      if (row.state === 'published') {
        const channel = await trx.selectFrom('channel').select('handle').where('id', '=', row.channel_id).executeTakeFirst();
        throw new AppError(409, 'post_already_published', { channel: channel?.handle ?? '' });
      }
      if (row.state === 'needs_attention') throw new AppError(409, 'target_needs_attention');
      if (row.state === 'scheduled' && !actor.canPublish) throw new AppError(403, 'forbidden');
      const version = Number(row.version) + 1;
      // A failed target moved to a new time is tried again then (after approval, for a contributor).
      const state = row.state === 'failed' ? (actor.canPublish ? 'scheduled' : 'pending_approval') : row.state;
      const changed = await trx
        .updateTable('post_target')
        .set({ scheduled_at: when, version, state, attempts: 0, hold_reason: null, next_attempt_at: null, failure_code: null, failure_message: null, updated_at: now })
        .where('id', '=', targetId)
        .where('version', '=', row.version)
        .where('state', 'not in', unchangeable)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw new AppError(409, 'post_publishing_now');
      if (state === 'scheduled') await enqueuePublish(this.queue, trx, { id: targetId, version, workspaceId, runAt: when });
      await trx.updateTable('post').set({ updated_at: now }).where('id', '=', postId).execute();
      await recordPostEvent(trx, { postId, workspaceId, targetId, actor, action: 'rescheduled', detail: { from: row.scheduled_at == null ? null : new Date(Number(row.scheduled_at)).toISOString(), to: new Date(when).toISOString() }, at: now });
    });
  }

  private approvalFor(schedule: Schedule, actor: PublishingActor): 'not_required' | 'pending' {
    return schedule.kind !== 'draft' && !actor.canPublish ? 'pending' : 'not_required';
  }

  private async insertTarget(trx: Transaction<Database>, workspaceId: string, postId: string, target: PlannedTarget, now: number): Promise<void> {
    const id = randomUUID();
    await trx
      .insertInto('post_target')
      .values({
        id,
        post_id: postId,
        workspace_id: workspaceId,
        channel_id: target.channelId,
        content: JSON.stringify(target.content),
        state: target.state,
        scheduled_at: target.scheduledAt,
        version: 1,
        publish_key: null,
        publish_started_at: null,
        published_parts: '[]',
        remote_id: null,
        remote_url: null,
        published_at: null,
        attempts: 0,
        next_attempt_at: null,
        hold_reason: null,
        failure_code: null,
        failure_message: null,
        metrics: null,
        metrics_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (target.state === 'scheduled') await enqueuePublish(this.queue, trx, { id, version: 1, workspaceId, runAt: target.scheduledAt ?? now });
  }

  private async checkCampaign(workspaceId: string, campaignId: string | null): Promise<void> {
    if (!campaignId) return;
    const found = await this.db.selectFrom('campaign').select('id').where('id', '=', campaignId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!found) throw new AppError(400, 'campaign_not_found');
  }
}
