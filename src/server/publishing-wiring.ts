// Puts the publishing pieces together for a process: the planner (checks),
// the post service (writes), review (approvals), queries, settings, campaigns,
// queue slots, the publisher the workers run, and the notifier.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { ChannelParts } from './channel-wiring.ts';
import type { MediaLibrary } from './domain/media/media-library.ts';
import { TargetPlanner, type MediaFactsProvider } from './domain/publishing/target-plan.ts';
import { PostService } from './domain/publishing/post-service.ts';
import { PostReview } from './domain/publishing/post-review.ts';
import { PostQueries } from './domain/publishing/post-queries.ts';
import { PublishingSettingsStore } from './domain/publishing/publishing-settings.ts';
import { CampaignStore } from './domain/publishing/campaigns.ts';
import { QueueSlotStore } from './domain/publishing/queue-slot-store.ts';
import { Publisher, type TextPreparer } from './domain/publishing/publisher.ts';
import { PublishingNotifier } from './publishing-notifier.ts';

export interface PublishingParts {
  planner: TargetPlanner;
  posts: PostService;
  review: PostReview;
  queries: PostQueries;
  settings: PublishingSettingsStore;
  campaigns: CampaignStore;
  queueSlots: QueueSlotStore;
  publisher: Publisher;
  notifier: PublishingNotifier;
}

/** Text goes out as written until a preparer (short links, UTM) is plugged in. */
const textAsWritten: TextPreparer = { prepare: async (text) => text };

export function createPublishingParts(deps: {
  config: Config;
  database: AppDatabase;
  mailer: Mailer;
  logger: Logger;
  queue: JobQueue;
  channels: ChannelParts;
  media: MediaLibrary;
  text?: TextPreparer;
  now?: () => number;
}): PublishingParts {
  const { database, queue, channels, media } = deps;
  const db = database.db;
  const now = deps.now ?? Date.now;
  const facts: MediaFactsProvider = {
    async facts(workspaceId, ids) {
      const views = await media.describe(workspaceId, ids);
      return Object.fromEntries(views.map((view) => [view.id, { kind: view.kind, mimeType: view.mimeType }]));
    },
  };
  const notifier = new PublishingNotifier(deps);
  const planner = new TargetPlanner({ db, manifest: (network) => channels.registry.get(network)?.manifest ?? null, media: facts, now });
  const publisher = new Publisher({
    db,
    queue,
    channel: (workspaceId, channelId) => channels.store.get(workspaceId, channelId),
    connectorFor: (channel) => channels.service.connectorFor(channel),
    reportAuthFailure: (workspaceId, channelId, reason) => channels.service.reportAuthFailure(workspaceId, channelId, reason),
    media,
    text: deps.text ?? textAsWritten,
    outcomes: notifier,
    logger: deps.logger,
    firstMetricsAfterMs: deps.config.firstMetricsAfterMs,
    now,
  });
  return {
    planner,
    posts: new PostService({ db, queue, planner, listener: notifier, now }),
    review: new PostReview({ db, queue, listener: notifier, now }),
    queries: new PostQueries(db),
    settings: new PublishingSettingsStore(db, queue, now),
    campaigns: new CampaignStore(db, now),
    queueSlots: new QueueSlotStore(db),
    publisher,
    notifier,
  };
}
