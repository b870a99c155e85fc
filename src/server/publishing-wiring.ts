// Puts the publishing pieces together for a process: the planner (checks),
// the post service (writes), review (approvals), queries, settings, campaigns,
// queue slots, the publisher the workers run, the notifier, and the links
// (UTM parameters and short links put into a post's text just before sending).
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Connector } from './connectors/contract.ts';
import type { ChannelForPublishing, ChannelView } from './domain/channels/channel-store.ts';
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
import { LinkStore } from './domain/links/link-store.ts';
import { LinkPreparer } from './domain/links/link-preparer.ts';

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
  links: LinkStore;
}

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
  const links = new LinkStore(db, deps.config.baseUrl, now);
  const linkPreparer = new LinkPreparer({ db, store: links, limitsFor: (network) => channels.registry.get(network)?.manifest.limits ?? null });
  const planner = new TargetPlanner({ db, manifest: (network) => channels.registry.get(network)?.manifest ?? null, media: facts, now, shortLinkBaseUrl: deps.config.baseUrl });
  const publisher = new Publisher({
    db,
    queue,
    connectorFor: reusedConnectors((channel) => channels.service.connectorFor(channel)),
    reportAuthFailure: (workspaceId, channelId, reason) => channels.service.reportAuthFailure(workspaceId, channelId, reason),
    media,
    text: deps.text ?? linkPreparer,
    outcomes: notifier,
    logger: deps.logger,
    firstMetricsAfterMs: deps.config.firstMetricsAfterMs,
    publishesInFlight: deps.config.publishesInFlight,
    now,
  });
  return {
    planner,
    posts: new PostService({ db, queue, planner, listener: notifier, now }),
    review: new PostReview({ db, queue, listener: notifier, now }),
    queries: new PostQueries(db),
    settings: new PublishingSettingsStore(db, queue, now, deps.config.baseUrl),
    campaigns: new CampaignStore(db, now),
    queueSlots: new QueueSlotStore(db),
    publisher,
    notifier,
    links,
  };
}

/** More channels than an instance is likely to publish to: beyond, the longest-unused connector is dropped. */
const MAX_REUSED_CONNECTORS = 5_000;

/**
 * The publisher asks for a channel's connector for every post, and building one means unsealing and
 * validating the credentials and setting the connector up: twenty posts due on a channel did it twenty
 * times. One connector is kept per channel and reused while the channel's row, read with the post, holds
 * the very same sealed credentials. Sealing draws a fresh IV, so any change (a reconnection, a refreshed
 * token, the account id learnt) reads as a new string, and the next post builds its connector from what
 * is stored then. Posts due together on a channel share the connector being built rather than each
 * building one.
 */
function reusedConnectors(build: (channel: ChannelView) => Promise<Connector | null>): (channel: ChannelForPublishing) => Promise<Connector | null> {
  const kept = new Map<string, { sealed: string; connector: Promise<Connector | null> }>();
  return async ({ view, sealedCredentials: sealed }) => {
    if (sealed === null) return build(view);
    let entry = kept.get(view.id);
    kept.delete(view.id);
    if (entry?.sealed !== sealed) {
      // Built after the channel was read: its credentials are never older than the string it is kept under.
      const fresh = { sealed, connector: build(view) };
      // Only connectors are kept, not failures or "no connector".
      fresh.connector.then(
        (connector) => connector === null && kept.get(view.id) === fresh && kept.delete(view.id),
        () => kept.get(view.id) === fresh && kept.delete(view.id),
      );
      entry = fresh;
    }
    kept.set(view.id, entry);
    if (kept.size > MAX_REUSED_CONNECTORS) kept.delete(kept.keys().next().value!);
    return entry.connector;
  };
}
