// Feeds are checked by the queue: a quarter-hourly sweep enqueues one check per
// feed that is due (its unique key keeps a feed from being checked twice at
// once by the queue; a "check now" racing it is harmless, items are claimed
// with their post). A feed whose last fetch failed is due later and later.
import type { CronEntry } from './jobs/scheduler.ts';
import type { HandlerRegistry } from './jobs/handlers.ts';
import type { Services } from './services.ts';
import { createFeedParts } from './feed-wiring.ts';

export const feedSweepJob = 'feeds.sweep';
export const feedCheckJob = 'feeds.check';
export const feedCronEntries: CronEntry[] = [{ name: 'feeds-sweep', cron: '*/15 * * * *', job: feedSweepJob }];

/** A check that ended a little after its quarter hour is still due at the next one. */
const DUE_SLACK_MS = 2 * 60_000;

export function registerFeedJobs(handlers: HandlerRegistry, services: Services): void {
  const feeds = createFeedParts(services);
  handlers.register(feedSweepJob, async () => {
    await sweepFeeds(services);
  });
  handlers.register<{ feedId: string }>(feedCheckJob, async ({ feedId }, context) => {
    const feed = await feeds.store.rowById(feedId);
    if (!feed || !feed.active) return;
    if (feed.next_check_at !== null && Number(feed.next_check_at) > Date.now() + DUE_SLACK_MS) return;
    await feeds.checker.check(feed, context.signal);
  });
}

/** Exported for tests: what the quarter-hourly cron runs. */
export async function sweepFeeds(services: Services): Promise<number> {
  const due = await services.database.db
    .selectFrom('feed')
    .select(['id', 'workspace_id'])
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', Date.now() + DUE_SLACK_MS)]))
    .execute();
  for (const feed of due) {
    await services.queue.enqueue(feedCheckJob, { feedId: feed.id }, { uniqueKey: `feed-check:${feed.id}`, workspaceId: feed.workspace_id, maxAttempts: 3 });
  }
  return due.length;
}
