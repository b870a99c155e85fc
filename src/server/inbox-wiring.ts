// Puts the inbox pieces together for a process: intake (ingest, polling,
// conversations), the work on items (queries, updates, notes, snooze, live
// feed, undo), replies and saved replies, rules, settings and the response
// clock and report.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { ChannelParts } from './channel-wiring.ts';
import type { ChannelView } from './domain/channels/channel-store.ts';
import { threadedAnalyzer, type BatchAnalyzer } from './nlp/batch-analyzer.ts';
import { ResponseClock } from './domain/inbox/response-clock.ts';
import type { IngestHook } from './domain/inbox/ingest-hooks.ts';
import { InboxIngest } from './domain/inbox/ingest.ts';
import { InboxPoller } from './domain/inbox/inbox-poller.ts';
import { InboxQueries } from './domain/inbox/inbox-queries.ts';
import { ItemUpdates } from './domain/inbox/item-updates.ts';
import { InboxReplies } from './domain/inbox/inbox-replies.ts';
import { SavedReplies } from './domain/inbox/saved-replies.ts';
import { InboxSettingsStore } from './domain/inbox/inbox-settings.ts';
import { InboxRules } from './domain/inbox/rules/inbox-rules.ts';
import { InboxUndo } from './domain/inbox/undo.ts';
import { Conversations } from './domain/inbox/conversations.ts';
import { ResponseReports } from './domain/inbox/response-report.ts';
import { InboxLiveFeed } from './domain/inbox/live-feed.ts';
import { InboxNotifier } from './inbox-notifier.ts';
import { InboxWebhooks } from './domain/inbox/inbox-webhooks.ts';
import { createSecretBox } from './security/secret-box.ts';

export interface InboxDeps {
  config: Config;
  database: AppDatabase;
  mailer: Mailer;
  logger: Logger;
  queue: JobQueue;
  channels: ChannelParts;
  now?: () => number;
}

export interface InboxParts {
  settings: InboxSettingsStore;
  clock: ResponseClock;
  /** Run on every new item, in this order, inside the inserting transaction. */
  ingestHooks: IngestHook[];
  ingest: InboxIngest;
  /** Language and sentiment of arriving messages, on their own thread; closed with the process's services. */
  analyzer: BatchAnalyzer;
  poller: InboxPoller;
  queries: InboxQueries;
  updates: ItemUpdates;
  replies: InboxReplies;
  savedReplies: SavedReplies;
  rules: InboxRules;
  undo: InboxUndo;
  conversations: Conversations;
  reports: ResponseReports;
  live: InboxLiveFeed;
  notifier: InboxNotifier;
  webhooks: InboxWebhooks;
}

export function createInboxParts(deps: InboxDeps): InboxParts {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const { channels } = deps;
  const notifier = new InboxNotifier(deps);
  const workers = (workspaceId: string) => notifier.membersWith(workspaceId, 'inbox:work');
  const channel = (workspaceId: string, channelId: string) => channels.store.get(workspaceId, channelId);
  const connectorFor = (view: ChannelView) => channels.service.connectorFor(view);
  const reportAuthFailure = (workspaceId: string, channelId: string, reason: string) => channels.service.reportAuthFailure(workspaceId, channelId, reason);
  const remoteIdOf = async (channelId: string) => (await db.selectFrom('channel').select('remote_id').where('id', '=', channelId).executeTakeFirst())?.remote_id ?? null;

  const settings = new InboxSettingsStore(db, now);
  const clock = new ResponseClock({ db, settings, now });
  const rules = new InboxRules({ db, queue: deps.queue, workers, now });
  // The clock first (due times), then the rules (which may mark an item done).
  const ingestHooks: IngestHook[] = [clock, rules];
  const analyzer = threadedAnalyzer();
  const ingest = new InboxIngest({ db, analyzer, hooks: () => ingestHooks, now });
  return {
    settings,
    clock,
    ingestHooks,
    ingest,
    analyzer,
    poller: new InboxPoller({ db, ingest, channel, remoteIdOf, connectorFor, reportAuthFailure, interval: deps.config.inboxPoll, now }),
    queries: new InboxQueries(db, now),
    updates: new ItemUpdates({
      db,
      clock,
      workers,
      now,
      listener: {
        assigned: async (workspaceId, itemIds, assigneeId, actor) => {
          for (const itemId of itemIds.slice(0, 20)) await notifier.tell({ workspaceId, itemId, userIds: [assigneeId], kind: 'inbox_assigned', actorName: actor.name });
        },
        mentioned: (workspaceId, itemId, userIds, actor, note) => notifier.tell({ workspaceId, itemId, userIds, kind: 'inbox_mentioned', actorName: actor.name, note }),
      },
    }),
    replies: new InboxReplies({
      db,
      queue: deps.queue,
      clock,
      settings,
      channel,
      connectorFor,
      reportAuthFailure,
      now,
      listener: {
        awaitingApproval: async (workspaceId, itemId, _replyId, text, actor) => {
          const approvers = (await notifier.membersWith(workspaceId, 'inbox:reply')).filter((id) => id !== actor.userId);
          await notifier.tell({ workspaceId, itemId, userIds: approvers, kind: 'inbox_reply_approval', actorName: actor.name, excerpt: text });
        },
        rejected: (workspaceId, itemId, authorId, text, actor, comment) =>
          notifier.tell({ workspaceId, itemId, userIds: authorId && authorId !== actor.userId ? [authorId] : [], kind: 'inbox_reply_rejected', actorName: actor.name, excerpt: text, note: comment }),
        failed: (workspaceId, itemId, authorId, text, reason) => notifier.tell({ workspaceId, itemId, userIds: authorId ? [authorId] : [], kind: 'inbox_reply_failed', excerpt: text, note: reason }),
      },
    }),
    savedReplies: new SavedReplies(db, now),
    rules,
    undo: new InboxUndo({ db, clock, now }),
    conversations: new Conversations({ db, channel, remoteIdOf, connectorFor, now }),
    reports: new ResponseReports({ db, settings, now }),
    live: new InboxLiveFeed(db),
    notifier,
    webhooks: new InboxWebhooks({ db, registry: channels.registry, box: createSecretBox(deps.config.secretKey), ingest, baseUrl: deps.config.baseUrl, now }),
  };
}
