// Puts the client approval links together for a web process: the links
// themselves, what a client does through one, and who hears about it.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Mailer } from './mail/mailer.ts';
import { ApprovalLinks } from './domain/approval-links/approval-link-store.ts';
import { ClientReview } from './domain/approval-links/client-review.ts';
import { PostReview, type ReviewListener } from './domain/publishing/post-review.ts';
import { ApprovalLinkNotifier } from './approval-link-notifier.ts';

export interface ApprovalLinkParts {
  links: ApprovalLinks;
  clientReview: ClientReview;
}

/** The client's approval is announced once, by the approval-link notifier, in a client's words. */
const silent: ReviewListener = { decided: async () => {}, commented: async () => {} };

export function createApprovalLinkParts(deps: { config: Config; database: AppDatabase; mailer: Mailer; logger: Logger; queue: JobQueue; now?: () => number }): ApprovalLinkParts {
  const db = deps.database.db;
  const links = new ApprovalLinks({ db, now: deps.now });
  const review = new PostReview({ db, queue: deps.queue, listener: silent, now: deps.now });
  const clientReview = new ClientReview({ db, links, review, listener: new ApprovalLinkNotifier(deps), now: deps.now });
  return { links, clientReview };
}
