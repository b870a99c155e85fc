// The job that publishes one target, keyed by the target's version: an edit
// bumps the version, so a job for an older version finds nothing to do, and
// the unique key keeps one pending job per version however often it is enqueued.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';

export const publishTargetJob = 'publishing.publish-target';

export interface PublishTargetPayload {
  targetId: string;
  version: number;
}

export function publishJobKey(targetId: string, version: number): string {
  return `publish:${targetId}:${version}`;
}

/** Plenty: the publisher keeps its own count of attempts on the target; job attempts only cover crashes. */
const PUBLISH_JOB_ATTEMPTS = 25;

export async function enqueuePublish(
  queue: JobQueue,
  trx: Transaction<Database> | null,
  target: { id: string; version: number; workspaceId: string; runAt: number },
): Promise<void> {
  const payload: PublishTargetPayload = { targetId: target.id, version: target.version };
  const options = { runAt: target.runAt, uniqueKey: publishJobKey(target.id, target.version), workspaceId: target.workspaceId, maxAttempts: PUBLISH_JOB_ATTEMPTS };
  if (trx) await queue.enqueueInTransaction(trx, publishTargetJob, payload, options);
  else await queue.enqueue(publishTargetJob, payload, options);
}
