// Hourly clean-up of what expires: sessions, one-time tokens, rate-limit
// counters, abandoned OAuth authorizations, and the bytes of media deleted a
// month ago. Scheduled by the scheduler role, run by a worker.
import type { CronEntry } from './jobs/scheduler.ts';
import type { HandlerRegistry } from './jobs/handlers.ts';
import type { Services } from './services.ts';

export const housekeepingJob = 'housekeeping.purge-expired';

export const cronEntries: CronEntry[] = [{ name: 'housekeeping', cron: '17 * * * *', job: housekeepingJob }];

export function registerHousekeeping(handlers: HandlerRegistry, services: Services): void {
  handlers.register(housekeepingJob, async () => {
    const { db } = services.database;
    const now = new Date();
    await db.deleteFrom('session').where('expiresAt', '<', now as never).execute();
    await db.deleteFrom('verification').where('expiresAt', '<', now as never).execute();
    await db.deleteFrom('rateLimit').where('lastRequest', '<', Date.now() - 24 * 3600 * 1000).execute();
    // OAuth authorizations a person started and never finished.
    await db.deleteFrom('oauth_state').where('expires_at', '<', Date.now()).execute();
    // A few hundred files an hour: a large deletion is spread over the hours after it falls due.
    await services.media.purgeDeleted();
  });
}
