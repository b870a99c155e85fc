// Replies from the inbox, sent exactly once. A reply is a row first (queued,
// or pending approval for a contributor when the workspace asks for it); the
// job that sends it is enqueued in the same transaction. The job claims the
// row, sends it with a key derived from the reply's id (the network makes at
// most one post per key), writes the remote id the moment it is known, and a
// reply whose outcome is unknown is looked for on the network before anything
// is sent again. Likes go through the connector the same way: once.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, InboxReplyTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { ConnectorError, type Connector, type RemotePost } from '../../connectors/contract.ts';
import type { ChannelView } from '../channels/channel-store.ts';
import type { ReplyInput, ReplyView } from '../../../shared/inbox.ts';
import { recordInboxEvents } from './inbox-events.ts';
import type { ResponseClock } from './response-clock.ts';
import type { InboxSettingsStore } from './inbox-settings.ts';
import { replyView } from './inbox-queries.ts';
import type { InboxActor } from './item-updates.ts';

export const sendReplyJob = 'inbox.send-reply';
export type SendReplyPayload = { replyId: string };

/** Attempts before a reply is handed to a person (failed, or needs attention when its outcome is unknown). */
export const MAX_REPLY_ATTEMPTS = 6;
/** The same text to the same item by the same person within this window is one reply (a double click, a retried request). */
const DUPLICATE_WINDOW_MS = 2 * 60_000;

type ReplyRow = Selectable<InboxReplyTable>;

export interface ReplyListener {
  awaitingApproval(workspaceId: string, itemId: number, replyId: string, text: string, actor: InboxActor): Promise<void>;
  rejected(workspaceId: string, itemId: number, authorId: string | null, text: string, actor: InboxActor, comment: string): Promise<void>;
  failed(workspaceId: string, itemId: number, authorId: string | null, text: string, reason: string): Promise<void>;
}

export interface InboxRepliesDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  clock: ResponseClock;
  settings: InboxSettingsStore;
  channel(workspaceId: string, channelId: string): Promise<ChannelView | null>;
  connectorFor(channel: ChannelView): Promise<Connector | null>;
  reportAuthFailure(workspaceId: string, channelId: string, reason: string): Promise<void>;
  listener: ReplyListener;
  now?: () => number;
}

export class InboxReplies {
  readonly #deps: InboxRepliesDeps;
  readonly #now: () => number;

  constructor(deps: InboxRepliesDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /** `canReply`: the author may send without approval (inbox:reply). */
  async create(workspaceId: string, actor: InboxActor & { userId: string; canReply: boolean }, itemId: number, input: ReplyInput): Promise<{ reply: ReplyView; created: boolean }> {
    const { db } = this.#deps;
    const now = this.#now();
    const item = await db.selectFrom('inbox_item').select(['id', 'channel_id', 'remote_id']).where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
    if (!item) throw new AppError(404, 'inbox_item_not_found');
    if (!item.remote_id) throw new AppError(422, 'inbox_item_not_replyable');
    const settings = await this.#deps.settings.get(workspaceId);
    const needsApproval = settings.replyApproval && !actor.canReply;
    const id = randomUUID();
    const result = await db.transaction().execute(async (trx) => {
      // Replies to one item are written one at a time (the row lock this update takes on PostgreSQL;
      // SQLite writes one transaction at a time anyway), so a double click finds its twin below.
      await trx.updateTable('inbox_item').set({ updated_at: sql`updated_at` }).where('id', '=', itemId).execute();
      const twin = await trx
        .selectFrom('inbox_reply')
        .selectAll()
        .where('item_id', '=', itemId)
        .where('author_id', '=', actor.userId)
        .where('text', '=', input.text)
        .where('state', 'in', ['pending_approval', 'queued', 'sending', 'sent'])
        .where('created_at', '>', now - DUPLICATE_WINDOW_MS)
        .executeTakeFirst();
      if (twin) return { row: twin, created: false };
      const row = {
        id,
        workspace_id: workspaceId,
        item_id: itemId,
        channel_id: item.channel_id,
        text: input.text,
        state: needsApproval ? ('pending_approval' as const) : ('queued' as const),
        author_id: actor.userId,
        approved_by: null,
        review_comment: null,
        saved_reply_id: input.savedReplyId ?? null,
        mark_done: input.markDone ? 1 : 0,
        attempts: 0,
        publish_started_at: null,
        claimed_job_id: null,
        remote_id: null,
        remote_url: null,
        remote_ref: null,
        failure_code: null,
        failure_message: null,
        created_at: now,
        updated_at: now,
        sent_at: null,
      };
      await trx.insertInto('inbox_reply').values(row).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId, action: 'reply', detail: { replyId: id, state: row.state }, actorUserId: actor.userId }], now);
      if (!needsApproval) await this.#enqueue(trx, workspaceId, id);
      return { row: { ...row, mark_done: row.mark_done }, created: true };
    });
    if (result.created && needsApproval) await this.#deps.listener.awaitingApproval(workspaceId, itemId, id, input.text, actor);
    return { reply: replyView(result.row as ReplyRow, actor.name), created: result.created };
  }

  async approve(workspaceId: string, actor: InboxActor, replyId: string): Promise<ReplyView> {
    const now = this.#now();
    await this.#deps.db.transaction().execute(async (trx) => {
      const reply = await this.#pending(trx, workspaceId, replyId);
      await trx.updateTable('inbox_reply').set({ state: 'queued', approved_by: actor.userId, updated_at: now }).where('id', '=', replyId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId: Number(reply.item_id), action: 'reply_approved', detail: { replyId }, actorUserId: actor.userId }], now);
      await this.#enqueue(trx, workspaceId, replyId);
    });
    return this.view(workspaceId, replyId);
  }

  async reject(workspaceId: string, actor: InboxActor, replyId: string, comment: string): Promise<ReplyView> {
    const now = this.#now();
    const reply = await this.#deps.db.transaction().execute(async (trx) => {
      const row = await this.#pending(trx, workspaceId, replyId);
      await trx.updateTable('inbox_reply').set({ state: 'rejected', approved_by: actor.userId, review_comment: comment, updated_at: now }).where('id', '=', replyId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId: Number(row.item_id), action: 'reply_rejected', detail: { replyId, comment }, actorUserId: actor.userId }], now);
      return row;
    });
    await this.#deps.listener.rejected(workspaceId, Number(reply.item_id), reply.author_id, reply.text, actor, comment);
    return this.view(workspaceId, replyId);
  }

  /** A failed reply, or one whose outcome is unknown, tried again (same key: it cannot make a second post). */
  async retry(workspaceId: string, actor: InboxActor, replyId: string): Promise<ReplyView> {
    const now = this.#now();
    await this.#deps.db.transaction().execute(async (trx) => {
      const reply = await trx.selectFrom('inbox_reply').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', replyId).executeTakeFirst();
      if (!reply) throw new AppError(404, 'inbox_reply_not_found');
      if (reply.state !== 'failed' && reply.state !== 'needs_attention') throw new AppError(409, 'inbox_reply_cannot_retry');
      await trx.updateTable('inbox_reply').set({ state: 'queued', attempts: 0, failure_code: null, failure_message: null, updated_at: now }).where('id', '=', replyId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId: Number(reply.item_id), action: 'reply_retried', detail: { replyId }, actorUserId: actor.userId }], now);
      await this.#enqueue(trx, workspaceId, replyId);
    });
    return this.view(workspaceId, replyId);
  }

  async view(workspaceId: string, replyId: string): Promise<ReplyView> {
    const row = await this.#deps.db
      .selectFrom('inbox_reply')
      .leftJoin('user', 'user.id', 'inbox_reply.author_id')
      .selectAll('inbox_reply')
      .select('user.name as author_name')
      .where('inbox_reply.workspace_id', '=', workspaceId)
      .where('inbox_reply.id', '=', replyId)
      .executeTakeFirst();
    if (!row) throw new AppError(404, 'inbox_reply_not_found');
    return replyView(row, row.author_name ?? null);
  }

  /** The job: claim, reconcile when a previous attempt may have gone through, send, record. */
  async send(replyId: string, jobId: number): Promise<void> {
    const { db } = this.#deps;
    const reply = await db.selectFrom('inbox_reply').selectAll().where('id', '=', replyId).executeTakeFirst();
    if (!reply || (reply.state !== 'queued' && reply.state !== 'sending')) return;
    if (reply.state === 'sending' && reply.claimed_job_id != null && Number(reply.claimed_job_id) !== jobId && (await this.#jobAlive(Number(reply.claimed_job_id)))) return;
    const item = await db.selectFrom('inbox_item').select(['id', 'remote_id', 'remote_url', 'remote_ref']).where('id', '=', reply.item_id).executeTakeFirst();
    const channel = await this.#deps.channel(reply.workspace_id, reply.channel_id);
    if (!item?.remote_id || !channel) return this.#fail(reply, 'gone', null);
    if (channel.status === 'reconnect_needed' || channel.status === 'disabled') return this.#wait(reply, 'auth', channel.statusReason);
    const connector = await this.#deps.connectorFor(channel);
    if (!connector) return this.#wait(reply, 'auth', null);
    const mayExist = reply.state === 'sending' || reply.publish_started_at != null;
    const startedAt = reply.publish_started_at != null ? Number(reply.publish_started_at) : this.#now();
    const claimed = await db
      .updateTable('inbox_reply')
      .set({ state: 'sending', claimed_job_id: jobId, publish_started_at: startedAt, attempts: sql`attempts + 1`, updated_at: this.#now() })
      .where('id', '=', replyId)
      .where('state', '=', reply.state)
      .where('updated_at', '=', reply.updated_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return;
    const attempts = reply.attempts + 1;
    const replyTo: RemotePost = { remoteId: item.remote_id, url: item.remote_url ?? '', ref: item.remote_ref ?? undefined };
    const key = `inbox-reply-${reply.id}`;
    try {
      if (mayExist) {
        const found = await connector.findPublished(key, { text: reply.text, replyTo, startedAt });
        if (found.state === 'published') return await this.#sent(reply, found.post);
      }
      const published = await connector.publish({ idempotencyKey: key, text: reply.text, replyTo });
      await this.#sent(reply, published);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const message = error.networkMessage ?? error.message;
      if (error.kind === 'auth') {
        await this.#deps.reportAuthFailure(reply.workspace_id, reply.channel_id, message);
        return this.#wait(reply, 'auth', message);
      }
      if (error.kind === 'rejected') return this.#fail(reply, 'rejected', message);
      if (attempts >= MAX_REPLY_ATTEMPTS) return this.#fail(reply, error.kind, message, error.kind === 'unknown_outcome');
      if (error.kind !== 'unknown_outcome') {
        // Surely not sent: back in the queue; the job's own retry (with back-off) sends it again.
        await db.updateTable('inbox_reply').set({ state: 'queued', failure_code: error.kind, failure_message: message, updated_at: this.#now() }).where('id', '=', replyId).execute();
      }
      throw error;
    }
  }

  /** Replies a job should carry and does not: queued with a usable channel, or "sending" whose job died. */
  async sweep(): Promise<number> {
    const { db } = this.#deps;
    const rows = await db
      .selectFrom('inbox_reply')
      .innerJoin('channel', 'channel.id', 'inbox_reply.channel_id')
      .leftJoin('job', (join) => join.on(sql`job.unique_key`, '=', sql`${'inbox-reply:'} || inbox_reply.id`).on('job.status', 'in', ['pending', 'running']))
      .select(['inbox_reply.id', 'inbox_reply.workspace_id'])
      .where('inbox_reply.state', 'in', ['queued', 'sending'])
      .where('channel.status', 'in', ['connected', 'rate_limited'])
      .where('job.id', 'is', null)
      .limit(500)
      .execute();
    for (const row of rows) await this.#enqueue(db, row.workspace_id, row.id);
    return rows.length;
  }

  async like(workspaceId: string, actor: InboxActor, itemId: number): Promise<void> {
    const { db } = this.#deps;
    const item = await db.selectFrom('inbox_item').select(['id', 'channel_id', 'remote_id', 'remote_url', 'remote_ref', 'liked_at']).where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
    if (!item) throw new AppError(404, 'inbox_item_not_found');
    if (item.liked_at != null) return;
    if (!item.remote_id) throw new AppError(422, 'inbox_like_unsupported');
    const channel = await this.#deps.channel(workspaceId, item.channel_id);
    if (!channel) throw new AppError(404, 'inbox_channel_not_found');
    const connector = await this.#deps.connectorFor(channel);
    if (!connector || !connector.manifest.capabilities.includes('engage.like')) throw new AppError(422, 'inbox_like_unsupported');
    try {
      await connector.like({ remoteId: item.remote_id, url: item.remote_url ?? '', ref: item.remote_ref ?? undefined });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      if (error.kind === 'auth') {
        await this.#deps.reportAuthFailure(workspaceId, item.channel_id, error.networkMessage ?? error.message);
        throw new AppError(409, 'inbox_channel_unusable', { channel: channel.handle });
      }
      throw new AppError(502, 'inbox_action_failed', { network: connector.manifest.displayName, reason: error.networkMessage ?? error.message });
    }
    const now = this.#now();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('inbox_item').set({ liked_at: now, updated_at: now }).where('id', '=', itemId).execute();
      await recordInboxEvents(trx, [{ workspaceId, itemId, action: 'like', detail: {}, actorUserId: actor.userId }], now);
    });
  }

  async #sent(reply: ReplyRow, post: RemotePost): Promise<void> {
    const now = this.#now();
    await this.#deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('inbox_reply')
        .set({ state: 'sent', remote_id: post.remoteId, remote_url: post.url, remote_ref: post.ref ?? null, sent_at: now, failure_code: null, failure_message: null, updated_at: now })
        .where('id', '=', reply.id)
        .execute();
      const itemId = Number(reply.item_id);
      await this.#deps.clock.recordFirstResponse(trx, reply.workspace_id, itemId, now, reply.author_id);
      await recordInboxEvents(trx, [{ workspaceId: reply.workspace_id, itemId, action: 'reply_sent', detail: { replyId: reply.id, url: post.url }, actorUserId: reply.author_id }], now);
      if (reply.saved_reply_id) await trx.updateTable('saved_reply').set({ use_count: sql`use_count + 1` }).where('id', '=', reply.saved_reply_id).execute();
      if (reply.mark_done === 1) {
        const item = await trx.selectFrom('inbox_item').select('status').where('id', '=', itemId).executeTakeFirst();
        if (item && item.status !== 'done') {
          await trx.updateTable('inbox_item').set({ status: 'done', updated_at: now }).where('id', '=', itemId).execute();
          await this.#deps.clock.recordResolved(trx, reply.workspace_id, itemId, now, reply.author_id);
          await recordInboxEvents(trx, [{ workspaceId: reply.workspace_id, itemId, action: 'status', detail: { before: item.status, after: 'done' }, actorUserId: reply.author_id }], now);
        }
      }
    });
  }

  /** Waits for the channel to be reconnected (the sweep sends it then). */
  async #wait(reply: ReplyRow, code: string, message: string | null): Promise<void> {
    await this.#deps.db.updateTable('inbox_reply').set({ state: 'queued', failure_code: code, failure_message: message, updated_at: this.#now() }).where('id', '=', reply.id).execute();
  }

  async #fail(reply: ReplyRow, code: string, message: string | null, unknown = false): Promise<void> {
    const now = this.#now();
    await this.#deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('inbox_reply')
        .set({ state: unknown ? 'needs_attention' : 'failed', failure_code: code, failure_message: message, updated_at: now })
        .where('id', '=', reply.id)
        .execute();
      await recordInboxEvents(trx, [{ workspaceId: reply.workspace_id, itemId: Number(reply.item_id), action: 'reply_failed', detail: { replyId: reply.id, code, message } }], now);
    });
    await this.#deps.listener.failed(reply.workspace_id, Number(reply.item_id), reply.author_id, reply.text, message ?? code);
  }

  async #pending(trx: Transaction<Database>, workspaceId: string, replyId: string): Promise<ReplyRow> {
    const reply = await trx.selectFrom('inbox_reply').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', replyId).executeTakeFirst();
    if (!reply) throw new AppError(404, 'inbox_reply_not_found');
    if (reply.state !== 'pending_approval') throw new AppError(409, 'inbox_reply_not_pending');
    return reply;
  }

  async #enqueue(db: Kysely<Database> | Transaction<Database>, workspaceId: string, replyId: string): Promise<void> {
    const payload: SendReplyPayload = { replyId };
    const options = { uniqueKey: `inbox-reply:${replyId}`, workspaceId, maxAttempts: MAX_REPLY_ATTEMPTS + 2 };
    if (db.isTransaction) await this.#deps.queue.enqueueInTransaction(db as Transaction<Database>, sendReplyJob, payload, options);
    else await this.#deps.queue.enqueue(sendReplyJob, payload, options);
  }

  async #jobAlive(jobId: number): Promise<boolean> {
    const job = await this.#deps.db.selectFrom('job').select('status').where('id', '=', jobId).executeTakeFirst();
    return job?.status === 'pending' || job?.status === 'running';
  }
}
