// The inbox's background work: every five seconds, a sweep hands each channel
// whose poll is due to a worker (one poll job per channel at a time) and wakes
// snoozed items whose time came; each minute, replies that no job
// carries any more (a channel back from "reconnect needed", a job that died)
// are handed out again; replies are sent, and rules' notices delivered.
import { sql } from 'kysely';
import type { CronEntry } from './jobs/scheduler.ts';
import type { HandlerRegistry } from './jobs/handlers.ts';
import type { Services } from './services.ts';
import { sendReplyJob, type SendReplyPayload } from './domain/inbox/inbox-replies.ts';
import { ruleNotifyJob, type RuleNotifyPayload } from './domain/inbox/rules/inbox-rules.ts';

export const inboxPollSweepJob = 'inbox.poll-sweep';
export const inboxPollJob = 'inbox.poll';
export const inboxMinuteJob = 'inbox.minute';

export const inboxCronEntries: CronEntry[] = [
  { name: 'inbox-poll-sweep', cron: '*/5 * * * * *', job: inboxPollSweepJob },
  { name: 'inbox-minute', cron: '* * * * *', job: inboxMinuteJob },
];

type PollPayload = { workspaceId: string; channelId: string };

export function registerInboxJobs(handlers: HandlerRegistry, services: Services): void {
  const { inbox } = services;
  handlers.register(inboxPollSweepJob, async () => {
    await sweepPolls(services);
    await inbox.updates.wakeSnoozed();
  });
  handlers.register<PollPayload>(inboxPollJob, async ({ workspaceId, channelId }) => {
    const outcome = await inbox.poller.poll(workspaceId, channelId);
    if (outcome.kind === 'failed') services.logger.warn({ channelId, code: outcome.code }, 'inbox poll failed');
  });
  handlers.register(inboxMinuteJob, async () => {
    await inbox.replies.sweep();
  });
  handlers.register<SendReplyPayload>(sendReplyJob, async ({ replyId }, context) => {
    await inbox.replies.send(replyId, context.job.id);
  });
  handlers.register<RuleNotifyPayload>(ruleNotifyJob, async (payload) => {
    const itemIds = payload.itemIds ?? (payload.itemId === undefined ? [] : [payload.itemId]);
    if (itemIds.length === 0) return;
    await inbox.notifier.tell({
      workspaceId: payload.workspaceId,
      itemId: itemIds[0],
      count: itemIds.length,
      userIds: payload.userIds,
      kind: payload.kind === 'assign' ? 'inbox_assigned' : 'inbox_rule_notify',
      actorName: payload.ruleName,
      note: payload.ruleName,
    });
  });
}

/** Exported for tests: enqueues a poll for every pollable channel that is due (or never polled). */
export async function sweepPolls(services: Services): Promise<number> {
  const db = services.database.db;
  const now = Date.now();
  const networks = services.channels.registry
    .list()
    .filter((connector) => connector.manifest.capabilities.some((c) => c === 'activity.mentions' || c === 'activity.replies'))
    .map((connector) => connector.manifest.network);
  if (networks.length === 0) return 0;
  const due = await db
    .selectFrom('channel')
    .leftJoin('inbox_poll_state', 'inbox_poll_state.channel_id', 'channel.id')
    .select(['channel.id', 'channel.workspace_id'])
    .where('channel.status', 'in', ['connected', 'rate_limited'])
    .where('channel.network', 'in', networks)
    .where((eb) => eb.or([eb('inbox_poll_state.channel_id', 'is', null), eb('inbox_poll_state.next_poll_at', '<=', now)]))
    .orderBy(sql`coalesce(inbox_poll_state.next_poll_at, 0)`)
    .limit(500)
    .execute();
  for (const channel of due) {
    await services.queue.enqueue(inboxPollJob, { workspaceId: channel.workspace_id, channelId: channel.id } satisfies PollPayload, {
      uniqueKey: `inbox-poll:${channel.id}`,
      workspaceId: channel.workspace_id,
      maxAttempts: 1,
    });
  }
  return due.length;
}
