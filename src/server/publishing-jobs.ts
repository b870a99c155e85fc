// The publishing work the queue carries: publishing a target (enqueued when a
// post is scheduled, at its time), a one-minute sweep that finds what no job
// carries any more (held targets whose channel came back, targets whose
// publishing job died), and reading a published post's first metrics.
import { sql } from 'kysely';
import type { CronEntry } from './jobs/scheduler.ts';
import type { HandlerRegistry } from './jobs/handlers.ts';
import type { Services } from './services.ts';
import { publishTargetJob, enqueuePublish, type PublishTargetPayload } from './domain/publishing/publish-jobs.ts';
import { collectMetricsJob } from './domain/publishing/publisher.ts';

export const publishingSweepJob = 'publishing.sweep';
export const publishingCronEntries: CronEntry[] = [{ name: 'publishing-sweep', cron: '* * * * *', job: publishingSweepJob }];

const SWEEP_BATCH = 1000;
const DAY_MS = 86_400_000;

export function registerPublishingJobs(handlers: HandlerRegistry, services: Services): void {
  const { publishing } = services;
  handlers.register<PublishTargetPayload>(publishTargetJob, async (payload, context) => {
    await publishing.publisher.run(payload, context.job.id);
  });
  handlers.register(publishingSweepJob, async () => {
    await sweepPublishing(services);
  });
  handlers.register<{ targetId: string; day?: boolean }>(collectMetricsJob, async ({ targetId, day }) => {
    await collectMetrics(services, targetId, Boolean(day));
  });
}

/** Exported for tests: what the one-minute cron runs. */
export async function sweepPublishing(services: Services): Promise<void> {
  const db = services.database.db;
  const now = Date.now();
  // Due, not paused, channel usable: these should have a job; the unique key makes this a no-op when they do.
  const due = await db
    .selectFrom('post_target')
    .innerJoin('channel', 'channel.id', 'post_target.channel_id')
    .select(['post_target.id', 'post_target.version', 'post_target.workspace_id', 'post_target.hold_reason'])
    .where('post_target.state', '=', 'scheduled')
    .where('post_target.scheduled_at', '<=', now)
    .where((eb) => eb.or([eb('post_target.next_attempt_at', 'is', null), eb('post_target.next_attempt_at', '<=', now)]))
    .where('channel.status', 'in', ['connected', 'rate_limited'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('publishing_setting').select('workspace_id').whereRef('publishing_setting.workspace_id', '=', 'post_target.workspace_id').where('paused', '=', 1))))
    .limit(SWEEP_BATCH)
    .execute();
  for (const target of due) {
    await enqueuePublish(services.queue, null, { id: target.id, version: Number(target.version), workspaceId: target.workspace_id, runAt: now });
  }
  // "Publishing" with no live job behind it (the job died): a new job takes over and reconciles first.
  const orphaned = await db
    .selectFrom('post_target')
    .leftJoin('job', (join) => join.on(sql`job.id`, '=', sql`post_target.claimed_job_id`).on('job.status', 'in', ['pending', 'running']))
    .select(['post_target.id', 'post_target.version', 'post_target.workspace_id', 'post_target.attempts'])
    .where('post_target.state', '=', 'publishing')
    .where('job.id', 'is', null)
    .limit(SWEEP_BATCH)
    .execute();
  for (const target of orphaned) {
    const payload: PublishTargetPayload = { targetId: target.id, version: Number(target.version) };
    await services.queue.enqueue(publishTargetJob, payload, { uniqueKey: `publish:${target.id}:${target.version}:takeover-${target.attempts}`, workspaceId: target.workspace_id, maxAttempts: 25 });
  }
}

async function collectMetrics(services: Services, targetId: string, day: boolean): Promise<void> {
  const db = services.database.db;
  const target = await db.selectFrom('post_target').selectAll().where('id', '=', targetId).where('state', '=', 'published').executeTakeFirst();
  if (!target || !target.remote_id) return;
  const channel = await services.channels.store.get(target.workspace_id, target.channel_id);
  if (!channel || channel.status !== 'connected') return;
  const connector = await services.channels.service.connectorFor(channel);
  if (!connector?.manifest.capabilities.includes('metrics.post')) return;
  const parts = JSON.parse(target.published_parts) as Array<{ index: number; remoteId: string; url: string; ref?: string }>;
  const first = parts.find((part) => part.index === 0);
  const [metrics] = await connector.postMetrics([{ remoteId: target.remote_id, url: target.remote_url ?? '', ref: first?.ref }]);
  if (metrics) {
    const { likes, reposts, replies, quotes } = metrics;
    await db.updateTable('post_target').set({ metrics: JSON.stringify({ likes, reposts, replies, quotes }), metrics_at: Date.now() }).where('id', '=', targetId).execute();
  }
  if (!day) {
    await services.queue.enqueue(collectMetricsJob, { targetId, day: true }, { runAt: Number(target.published_at ?? Date.now()) + DAY_MS, uniqueKey: `metrics:${targetId}:day`, workspaceId: target.workspace_id, maxAttempts: 3 });
  }
}
