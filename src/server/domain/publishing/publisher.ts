// Publishes one target, exactly once. The row is the truth: a worker first
// claims the target (scheduled → publishing) for the version it was asked to
// publish, so an edited, rescheduled or deleted post is never sent in its old
// form. The publish key is fixed at the first attempt and reused by every
// retry (the network's idempotency); each part's remote id is written the
// moment it is known; whenever an earlier attempt may have reached the
// network (a crash, an unknown outcome), the network is asked before anything
// is sent again.
import type { Kysely } from 'kysely';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { ConnectorError, type ComposerLimits, type Connector, type MediaInput, type RemotePost } from '../../connectors/contract.ts';
import { AppError } from '../../errors.ts';
import type { ChannelForPublishing, ChannelView } from '../channels/channel-store.ts';
import { batched } from '../../db/batched.ts';
import type { PostContent } from '../../../shared/publishing.ts';
import { recordPostEvent, systemActor } from './post-events.ts';
import { claimTargets, readTargets, recordPublished, type Claim, type ClaimedTarget, type PublishedRecord, type TargetToPublish } from './publish-batches.ts';
import { parseContent } from './post-views.ts';
import { publishTargetJob, type PublishTargetPayload } from './publish-jobs.ts';

export interface MediaForPublishing {
  forPublishing(workspaceId: string, mediaId: string, limits: ComposerLimits): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }>;
}

/** Rewrites a part's text just before it is sent (short links, campaign UTM parameters); the same input must give the same text. */
export interface TextPreparer {
  prepare(text: string, context: { workspaceId: string; postId: string; targetId: string; channelId: string; campaignId: string | null }): Promise<string>;
}

export interface PublishOutcomeListener {
  published(target: { workspaceId: string; postId: string; targetId: string; remoteUrl: string | null }): Promise<void>;
  failed(target: { workspaceId: string; postId: string; targetId: string; handle: string; code: string; message: string | null; needsAttention: boolean }): Promise<void>;
}

export interface PublisherDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  connectorFor(channel: ChannelForPublishing): Promise<Connector | null>;
  reportAuthFailure(workspaceId: string, channelId: string, reason: string): Promise<void>;
  media: MediaForPublishing;
  text: TextPreparer;
  outcomes: PublishOutcomeListener;
  logger: Logger;
  firstMetricsAfterMs: number;
  /**
   * Requests to the networks this process has in flight at once (a publish sent, its answer awaited). Only
   * that wait is limited: more jobs than this may run, and meanwhile they read, claim and record theirs.
   */
  publishesInFlight?: number;
  now?: () => number;
}

interface PartResult {
  index: number;
  remoteId: string;
  url: string;
  ref?: string;
}

/** Attempts before a target that keeps failing is given up (transient errors) or handed to a person (unknown outcome). */
export const MAX_PUBLISH_ATTEMPTS = 6;
const RETRY_DELAYS_MS = [30_000, 120_000, 480_000, 1_800_000, 3_600_000];
/**
 * Under load, answers from the network arrive about one per millisecond: a published target waits up to
 * this long for others to be recorded in the same write (one commit for several).
 */
const RECORD_WINDOW_MS = 4;
export const collectMetricsJob = 'publishing.collect-metrics';

export function publishRetryKey(targetId: string, version: number, attempt: number): string {
  return `publish:${targetId}:${version}:retry-${attempt}`;
}

export class Publisher {
  private readonly deps: PublisherDeps;
  private readonly now: () => number;
  // Jobs claimed together run in step: their reads, claims and final writes are batched (one statement or one transaction each).
  private readonly read: (targetId: string) => Promise<TargetToPublish | undefined>;
  private readonly claim: (claim: Claim) => Promise<ClaimedTarget | undefined>;
  private readonly record: (record: PublishedRecord) => Promise<void>;
  private readonly network: LimitFunction;

  constructor(deps: PublisherDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
    this.network = pLimit(deps.publishesInFlight ?? Number.POSITIVE_INFINITY);
    this.read = batched((ids) => readTargets(deps.db, ids));
    this.claim = batched((claims) => claimTargets(deps.db, claims, this.now()));
    this.record = batched(async (records) => {
      await recordPublished(deps.db, deps.queue, records, (target, at) =>
        deps.queue.newJob(collectMetricsJob, { targetId: target.id }, { runAt: at + deps.firstMetricsAfterMs, uniqueKey: `metrics:${target.id}:first`, workspaceId: target.workspace_id, maxAttempts: 3 }),
      );
      return records.map(() => undefined);
    }, { windowMs: RECORD_WINDOW_MS });
  }

  /** `jobId`: the job running this attempt; a crashed job retried by the queue keeps its id and resumes its own work. */
  async run(payload: PublishTargetPayload, jobId: number): Promise<void> {
    // Most targets can simply go: claimed in one statement with what publishing them needs.
    const claimed = await this.claim({ targetId: payload.targetId, version: payload.version, jobId });
    if (claimed) return this.publishClaimed(claimed.target, claimed.channel, claimed.campaignId, !claimed.firstAttempt, false);

    // Not claimable as it stands: edited, not due, held, taken by another job, or left "publishing" by one that stopped.
    const { db } = this.deps;
    const found = await this.read(payload.targetId);
    if (!found) return;
    const { target, campaignId, paused } = found;
    if (Number(target.version) !== payload.version) return;
    if (target.state !== 'scheduled' && target.state !== 'publishing') return;
    const now = this.now();
    if (!found.channel) return;
    const channel = found.channel.view;

    if (target.state === 'scheduled') {
      if (target.scheduled_at != null && Number(target.scheduled_at) > now + 1000) return;
      if (target.next_attempt_at != null && Number(target.next_attempt_at) > now + 1000) return;
      if (paused) return this.hold(target.id, payload.version, 'paused');
      if (channel.status === 'reconnect_needed' || channel.status === 'disabled') return this.hold(target.id, payload.version, 'channel_reconnect_needed');
      // It changed between the two statements (resumed, reconnected): claim it now.
      const again = await this.claim({ targetId: target.id, version: payload.version, jobId });
      if (again) return this.publishClaimed(again.target, again.channel, again.campaignId, !again.firstAttempt, false);
      return;
    }
    // Still "publishing". Another live job owns it: leave it alone. Otherwise the job that had it stopped
    // mid-way (a crash, a lost lease) and whatever it sent may be out there: take over and ask the network first.
    const owner = target.claimed_job_id == null ? null : Number(target.claimed_job_id);
    if (owner !== jobId && owner !== null) {
      const live = await db.selectFrom('job').select('id').where('id', '=', owner).where('status', 'in', ['pending', 'running']).executeTakeFirst();
      if (live) return;
    }
    const fresh = await db
      .updateTable('post_target')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), claimed_job_id: jobId, updated_at: now }))
      .where('id', '=', target.id)
      .where('version', '=', payload.version)
      .where('state', '=', 'publishing')
      .where((eb) => (owner === null ? eb('claimed_job_id', 'is', null) : eb('claimed_job_id', '=', owner)))
      .returningAll()
      .executeTakeFirst();
    // Another worker took it over first, or it changed: nothing to do.
    if (!fresh) return;
    return this.publishClaimed(fresh, found.channel, campaignId, true, true);
  }

  /** `tookOver`: the target was already "publishing" when this job took it. */
  private async publishClaimed(target: Database['post_target'], channel: ChannelForPublishing, campaignId: string | null, reconcileFirst: boolean, tookOver: boolean): Promise<void> {
    const attempts = Number(target.attempts);
    if (tookOver && attempts > MAX_PUBLISH_ATTEMPTS) {
      return this.giveUp(target, channel.view, 'outcome_unknown', 'Relais stopped several times while publishing this post.', true);
    }
    try {
      const connector = await this.deps.connectorFor(channel);
      if (!connector) return this.hold(target.id, Number(target.version), 'channel_reconnect_needed', true);
      await this.publishParts(connector, channel.view, target, campaignId, reconcileFirst);
    } catch (error) {
      await this.handleFailure(error, target, channel.view, attempts);
    }
  }

  private async publishParts(connector: Connector, channel: ChannelView, target: Database['post_target'], campaignId: string | null, reconcileFirst: boolean): Promise<void> {
    const { db } = this.deps;
    const content = parseContent(target.content);
    const parts = partsOf(content);
    const done: PartResult[] = JSON.parse(target.published_parts);
    const limits = await connector.limits();
    const key = target.publish_key!;
    let mayExist = reconcileFirst;
    for (const part of parts) {
      if (done.some((result) => result.index === part.index)) continue;
      const replyTo = part.replyToIndex === null ? null : toRemote(done.find((result) => result.index === part.replyToIndex)!);
      const partKey = `${key}.${part.index}`;
      const text = await this.deps.text.prepare(part.text, { workspaceId: target.workspace_id, postId: target.post_id, targetId: target.id, channelId: target.channel_id, campaignId });
      let result: PartResult | null = null;
      if (mayExist) {
        const found = await this.network(() => connector.findPublished(partKey, { text, replyTo, mediaCount: part.media.length, startedAt: Number(target.publish_started_at ?? this.now()) }));
        if (found.state === 'published') result = { index: part.index, remoteId: found.post.remoteId, url: found.post.url, ref: found.post.ref };
      }
      if (!result) {
        const media: MediaInput[] = [];
        for (const ref of part.media) {
          const prepared = await this.deps.media.forPublishing(target.workspace_id, ref.mediaId, limits);
          media.push({ ...prepared, altText: ref.altText });
        }
        const published = await this.network(() => connector.publish({ idempotencyKey: partKey, text, media, replyTo: replyTo ?? undefined }));
        result = { index: part.index, remoteId: published.remoteId, url: published.url, ref: published.ref };
      }
      done.push(result);
      // Later parts are new requests: nothing of them can be out there yet.
      mayExist = false;
      // The last part is written with the published state, below.
      if (part === parts.at(-1)) break;
      // Written at once: a crash from here on finds this part already out and does not send it again.
      await db
        .updateTable('post_target')
        .set({
          published_parts: JSON.stringify(done),
          ...(part.index === 0 ? { remote_id: result.remoteId, remote_url: result.url } : {}),
          updated_at: this.now(),
        })
        .where('id', '=', target.id)
        .where('state', '=', 'publishing')
        .execute();
    }
    const first = done.find((result) => result.index === 0)!;
    // Written at once, in one transaction shared with the targets published at the same moment: the last
    // part's id, the published state, the event, and the job that reads the first metrics. A crash before
    // the commit leaves the target "publishing" with its publish key, and the next attempt finds the last
    // part on the network.
    await this.record({ target, parts: JSON.stringify(done), remoteId: first.remoteId, remoteUrl: first.url, channelHandle: channel.handle, at: this.now() });
    await this.deps.outcomes.published({ workspaceId: target.workspace_id, postId: target.post_id, targetId: target.id, remoteUrl: first.url });
  }

  private async handleFailure(error: unknown, target: Database['post_target'], channel: ChannelView, attempts: number): Promise<void> {
    const version = Number(target.version);
    if (error instanceof ConnectorError) {
      const reason = error.networkMessage ?? error.message;
      switch (error.kind) {
        case 'auth':
          await this.deps.reportAuthFailure(target.workspace_id, channel.id, reason);
          return this.hold(target.id, version, 'channel_reconnect_needed', true, reason);
        case 'rejected':
          return this.giveUp(target, channel, 'rejected', reason, false);
        case 'rate_limited':
          return this.retryLater(target, 'rate_limited', error.retryAt?.getTime() ?? this.now() + 60_000, reason);
        case 'transient':
          if (attempts >= MAX_PUBLISH_ATTEMPTS) return this.giveUp(target, channel, 'unavailable', reason, false);
          return this.retryLater(target, 'retrying', this.now() + retryDelay(attempts), reason);
        case 'unknown_outcome':
          break;
      }
    } else if (error instanceof AppError) {
      // Relais' own refusal before anything was sent (a media file gone, an image that cannot be made to fit).
      return this.giveUp(target, channel, error.code, null, false);
    }
    // The request may have reached the network: the next attempt asks it first (same publish key).
    this.deps.logger.warn({ err: error, targetId: target.id }, 'publishing outcome unknown; will reconcile before retrying');
    if (attempts >= MAX_PUBLISH_ATTEMPTS) return this.giveUp(target, channel, 'outcome_unknown', errorMessage(error), true);
    return this.retryLater(target, 'retrying', this.now() + retryDelay(attempts), errorMessage(error));
  }

  /** Back to "scheduled", waiting for something a person must do (resume, reconnect); no job until then. */
  private async hold(targetId: string, version: number, reason: string, fromPublishing = false, message: string | null = null): Promise<void> {
    const now = this.now();
    const result = await this.deps.db
      .updateTable('post_target')
      .set({ state: 'scheduled', hold_reason: reason, failure_message: message, updated_at: now })
      .where('id', '=', targetId)
      .where('version', '=', version)
      .where('state', '=', fromPublishing ? 'publishing' : 'scheduled')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) this.deps.logger.info({ targetId, reason }, 'publishing held');
  }

  private async retryLater(target: Database['post_target'], reason: string, at: number, message: string | null): Promise<void> {
    const now = this.now();
    const version = Number(target.version);
    await this.deps.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('post_target')
        .set({ state: 'scheduled', hold_reason: reason, next_attempt_at: at, failure_message: message, updated_at: now })
        .where('id', '=', target.id)
        .where('version', '=', version)
        .where('state', '=', 'publishing')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return;
      const payload: PublishTargetPayload = { targetId: target.id, version };
      await this.deps.queue.enqueueInTransaction(trx, publishTargetJob, payload, { runAt: at, uniqueKey: publishRetryKey(target.id, version, Number(target.attempts)), workspaceId: target.workspace_id, maxAttempts: 25 });
    });
  }

  private async giveUp(target: Database['post_target'], channel: ChannelView, code: string, message: string | null, needsAttention: boolean): Promise<void> {
    const now = this.now();
    const result = await this.deps.db
      .updateTable('post_target')
      .set({ state: needsAttention ? 'needs_attention' : 'failed', failure_code: code, failure_message: message, hold_reason: null, next_attempt_at: null, updated_at: now })
      .where('id', '=', target.id)
      .where('version', '=', Number(target.version))
      .where('state', '=', 'publishing')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    await recordPostEvent(this.deps.db, { postId: target.post_id, workspaceId: target.workspace_id, targetId: target.id, actor: systemActor, action: needsAttention ? 'needs_attention' : 'failed', detail: { channel: channel.handle, code, message }, at: now });
    await this.deps.outcomes.failed({ workspaceId: target.workspace_id, postId: target.post_id, targetId: target.id, handle: channel.handle, code, message, needsAttention });
  }
}

interface Part {
  index: number;
  text: string;
  media: PostContent['media'];
  replyToIndex: number | null;
}

/** The posts a target sends, in order: the first, each thread post replying to the one before, then the first reply under the first post. */
export function partsOf(content: PostContent): Part[] {
  const parts: Part[] = [{ index: 0, text: content.text, media: content.media, replyToIndex: null }];
  content.thread.forEach((part, i) => parts.push({ index: i + 1, text: part.text, media: part.media, replyToIndex: i }));
  if (content.firstReply !== null && content.firstReply.trim() !== '') parts.push({ index: content.thread.length + 1, text: content.firstReply, media: [], replyToIndex: 0 });
  return parts;
}

function toRemote(result: PartResult): RemotePost {
  return { remoteId: result.remoteId, url: result.url, ref: result.ref };
}

function retryDelay(attempts: number): number {
  const base = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
