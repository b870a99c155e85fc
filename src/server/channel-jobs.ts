// Keeps channel health true without anyone looking: every quarter hour each
// working channel is checked against its network, so an expired or revoked
// session shows up as "reconnect needed" (and admins are emailed) before a
// scheduled post runs into it.
import type { CronEntry } from './jobs/scheduler.ts';
import type { HandlerRegistry } from './jobs/handlers.ts';
import type { Services } from './services.ts';

export const channelHealthSweepJob = 'channels.health-sweep';
export const channelCheckJob = 'channels.check';

export const channelCronEntries: CronEntry[] = [{ name: 'channel-health', cron: '*/15 * * * *', job: channelHealthSweepJob }];

export function registerChannelJobs(handlers: HandlerRegistry, services: Services): void {
  handlers.register(channelHealthSweepJob, async () => {
    const channels = await services.database.db
      .selectFrom('channel')
      .select(['id', 'workspace_id'])
      .where('status', 'in', ['connected', 'rate_limited'])
      .execute();
    for (const channel of channels) {
      await services.queue.enqueue(channelCheckJob, { workspaceId: channel.workspace_id, channelId: channel.id }, { uniqueKey: `channel-check:${channel.id}`, workspaceId: channel.workspace_id, maxAttempts: 3 });
    }
  });
  handlers.register<{ workspaceId: string; channelId: string }>(channelCheckJob, async ({ workspaceId, channelId }) => {
    await services.channels.service.check(workspaceId, channelId);
  });
}
