// Who hears about what happens to a post: approvers when one awaits approval,
// the author when it is approved, sent back, commented or fails to publish
// (the workspace's editors too when there is no author, e.g. an RSS post).
// In the app always; by e-mail for what needs someone to act.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { publishingMail, type PublishingMailKind } from './mail/publishing-mails.ts';
import { NotificationStore } from './domain/notifications/notification-store.ts';
import type { EventActor } from './domain/publishing/post-events.ts';
import type { PostChangeListener } from './domain/publishing/post-service.ts';
import type { ReviewListener } from './domain/publishing/post-review.ts';
import type { PublishOutcomeListener } from './domain/publishing/publisher.ts';
import { parseContent } from './domain/publishing/post-views.ts';
import { pickLocale } from '../shared/locales.ts';

const approverRoles = ['owner', 'admin', 'editor'];

export class PublishingNotifier implements PostChangeListener, ReviewListener, PublishOutcomeListener {
  private readonly database: AppDatabase;
  private readonly mailer: Mailer;
  private readonly config: Config;
  private readonly logger: Logger;
  readonly store: NotificationStore;

  constructor(deps: { config: Config; database: AppDatabase; mailer: Mailer; logger: Logger }) {
    this.database = deps.database;
    this.mailer = deps.mailer;
    this.config = deps.config;
    this.logger = deps.logger;
    this.store = new NotificationStore(deps.database.db);
  }

  async submittedForApproval(workspaceId: string, postIds: string[], actor: EventActor): Promise<void> {
    const approvers = (await this.members(workspaceId, approverRoles)).filter((member) => member.userId !== actor.userId);
    if (postIds.length === 1) await this.tell(workspaceId, postIds[0], approvers, 'approval_requested', { actorName: actor.label }, true);
    // A batch (a CSV import) is one notice and one e-mail, pointing at the posts awaiting approval.
    else await this.tell(workspaceId, postIds[0], approvers, 'approvals_requested', { actorName: actor.label, count: postIds.length }, true);
  }

  async decided(workspaceId: string, postId: string, decision: 'approved' | 'rejected', actor: EventActor, comment: string | null): Promise<void> {
    const author = await this.author(workspaceId, postId);
    await this.tell(workspaceId, postId, author.filter((a) => a.userId !== actor.userId), decision === 'approved' ? 'post_approved' : 'post_rejected', { actorName: actor.label, reason: comment }, true);
  }

  async commented(workspaceId: string, postId: string, actor: EventActor, comment: string): Promise<void> {
    const author = await this.author(workspaceId, postId);
    await this.tell(workspaceId, postId, author.filter((a) => a.userId !== actor.userId), 'post_commented', { actorName: actor.label, reason: comment }, false);
  }

  async published(): Promise<void> {}

  async failed(target: { workspaceId: string; postId: string; targetId: string; handle: string; code: string; message: string | null; needsAttention: boolean }): Promise<void> {
    let people = await this.author(target.workspaceId, target.postId);
    if (people.length === 0) people = await this.members(target.workspaceId, approverRoles);
    await this.tell(target.workspaceId, target.postId, people, target.needsAttention ? 'publish_needs_attention' : 'publish_failed', { channel: `@${target.handle}`, reason: target.message ?? target.code, targetId: target.targetId }, true);
  }

  private async tell(
    workspaceId: string,
    postId: string,
    people: Array<{ userId: string; email: string; locale: string | null }>,
    kind: PublishingMailKind | 'post_commented',
    details: { actorName?: string; reason?: string | null; channel?: string; targetId?: string; count?: number },
    email: boolean,
  ): Promise<void> {
    if (people.length === 0) return;
    const post = await this.database.db.selectFrom('post').select('content').where('id', '=', postId).executeTakeFirst();
    const excerpt = post ? excerptOf(parseContent(post.content).text) : '';
    await this.store.add(workspaceId, people.map((p) => p.userId), kind, { postId, excerpt, ...details });
    if (!email || kind === 'post_commented') return;
    const workspace = await this.database.db.selectFrom('organization').select('name').where('id', '=', workspaceId).executeTakeFirst();
    for (const person of people) {
      try {
        await this.mailer.send(
          publishingMail({
            locale: pickLocale(person.locale),
            to: person.email,
            kind,
            workspaceName: workspace?.name ?? '',
            actorName: details.actorName ?? null,
            excerpt,
            channel: details.channel ?? null,
            reason: details.reason ?? null,
            count: details.count ?? 1,
            url: kind === 'approvals_requested' ? `${this.config.baseUrl}/w/${workspaceId}/posts?tab=pending` : `${this.config.baseUrl}/w/${workspaceId}/posts/${postId}`,
          }),
        );
      } catch (error) {
        this.logger.warn({ err: error, kind }, 'could not send a publishing e-mail');
      }
    }
  }

  private async members(workspaceId: string, roles: string[]) {
    return this.database.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['user.id as userId', 'user.email', 'user.locale'])
      .where('member.organizationId', '=', workspaceId)
      .where('member.role', 'in', roles)
      .execute();
  }

  private async author(workspaceId: string, postId: string) {
    return this.database.db
      .selectFrom('post')
      .innerJoin('user', 'user.id', 'post.author_id')
      .innerJoin('member', (join) => join.onRef('member.userId', '=', 'user.id').on('member.organizationId', '=', workspaceId))
      .select(['user.id as userId', 'user.email', 'user.locale'])
      .where('post.id', '=', postId)
      .execute();
  }
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}
