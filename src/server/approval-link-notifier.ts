// Who hears that a client approved or commented through an approval link: the
// person who made the link and the post's author (the workspace's approvers
// when neither is a member any more). In the app, and by e-mail — a client's
// word is something to act on.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { clientReviewMail } from './mail/client-review-mails.ts';
import { NotificationStore } from './domain/notifications/notification-store.ts';
import type { ClientActionEvent, ClientActionListener } from './domain/approval-links/client-review.ts';
import { parseContent } from './domain/publishing/post-views.ts';
import { pickLocale } from '../shared/locales.ts';

const approverRoles = ['owner', 'admin', 'editor'];

export class ApprovalLinkNotifier implements ClientActionListener {
  private readonly database: AppDatabase;
  private readonly mailer: Mailer;
  private readonly config: Config;
  private readonly logger: Logger;
  private readonly store: NotificationStore;

  constructor(deps: { config: Config; database: AppDatabase; mailer: Mailer; logger: Logger }) {
    this.database = deps.database;
    this.mailer = deps.mailer;
    this.config = deps.config;
    this.logger = deps.logger;
    this.store = new NotificationStore(deps.database.db);
  }

  async clientActed(event: ClientActionEvent): Promise<void> {
    const db = this.database.db;
    const post = await db.selectFrom('post').select(['content', 'author_id']).where('id', '=', event.postId).where('workspace_id', '=', event.workspaceId).executeTakeFirst();
    if (!post) return;
    const wanted = [event.link.createdBy, post.author_id].filter((id): id is string => id != null);
    let people = wanted.length ? await this.members(event.workspaceId, { userIds: wanted }) : [];
    if (people.length === 0) people = await this.members(event.workspaceId, { roles: approverRoles });
    if (people.length === 0) return;

    const excerpt = excerptOf(parseContent(post.content).text);
    const kind = event.kind === 'approved' ? 'client_approved' : 'client_commented';
    await this.store.add(
      event.workspaceId,
      people.map((person) => person.userId),
      kind,
      { postId: event.postId, excerpt, clientName: event.clientName, actorName: `Client: ${event.clientName}`, reason: event.comment, linkLabel: event.link.label, becameApproved: event.becameApproved },
    );
    const workspace = await db.selectFrom('organization').select('name').where('id', '=', event.workspaceId).executeTakeFirst();
    for (const person of people) {
      try {
        await this.mailer.send(
          clientReviewMail({
            locale: pickLocale(person.locale),
            to: person.email,
            kind,
            workspaceName: workspace?.name ?? '',
            clientName: event.clientName,
            linkLabel: event.link.label,
            excerpt,
            comment: event.comment,
            becameApproved: event.becameApproved,
            url: `${this.config.baseUrl}/w/${event.workspaceId}/posts/${event.postId}`,
          }),
        );
      } catch (error) {
        this.logger.warn({ err: error, kind }, 'could not send a client review e-mail');
      }
    }
  }

  private async members(workspaceId: string, who: { userIds?: string[]; roles?: string[] }) {
    return this.database.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['user.id as userId', 'user.email', 'user.locale'])
      .where('member.organizationId', '=', workspaceId)
      .$if(who.userIds !== undefined, (q) => q.where('member.userId', 'in', who.userIds!))
      .$if(who.roles !== undefined, (q) => q.where('member.role', 'in', who.roles!))
      .execute();
  }
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}
