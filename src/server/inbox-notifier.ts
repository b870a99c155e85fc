// Who hears about what happens in the inbox: the teammate an item is assigned
// to, teammates @mentioned in a note, those a rule names, approvers of a
// contributor's reply and its author. In the app always; by e-mail too, in
// each person's language, with a link to the item.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { inboxMail, type InboxMailKind } from './mail/inbox-mails.ts';
import { NotificationStore } from './domain/notifications/notification-store.ts';
import { pickLocale } from '../shared/locales.ts';
import { can, isWorkspaceRole, type Permission } from '../shared/roles.ts';

export interface InboxNotice {
  workspaceId: string;
  itemId: number;
  userIds: string[];
  kind: InboxMailKind;
  actorName?: string | null;
  /** Defaults to the item's text. */
  excerpt?: string;
  note?: string | null;
  /** Messages this notice speaks of (a rule's digest), `itemId` being the first; 1 unless told. */
  count?: number;
}

export class InboxNotifier {
  readonly #database: AppDatabase;
  readonly #mailer: Mailer;
  readonly #config: Config;
  readonly #logger: Logger;
  readonly #store: NotificationStore;

  constructor(deps: { config: Config; database: AppDatabase; mailer: Mailer; logger: Logger }) {
    this.#database = deps.database;
    this.#mailer = deps.mailer;
    this.#config = deps.config;
    this.#logger = deps.logger;
    this.#store = new NotificationStore(deps.database.db);
  }

  /** Members of the workspace whose role has `permission`. */
  async membersWith(workspaceId: string, permission: Permission): Promise<string[]> {
    const rows = await this.#database.db.selectFrom('member').select(['userId', 'role']).where('organizationId', '=', workspaceId).execute();
    return rows.filter((row) => isWorkspaceRole(row.role) && can(row.role, permission)).map((row) => row.userId);
  }

  async tell(notice: InboxNotice): Promise<void> {
    const db = this.#database.db;
    const userIds = [...new Set(notice.userIds)];
    if (userIds.length === 0) return;
    const people = await db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['user.id as userId', 'user.email', 'user.locale'])
      .where('member.organizationId', '=', notice.workspaceId)
      .where('user.id', 'in', userIds)
      .execute();
    if (people.length === 0) return;
    let excerpt = notice.excerpt;
    if (excerpt === undefined) {
      const item = await db.selectFrom('inbox_item').select('text').where('id', '=', notice.itemId).where('workspace_id', '=', notice.workspaceId).executeTakeFirst();
      excerpt = item?.text ?? '';
    }
    excerpt = excerptOf(excerpt);
    const count = notice.count ?? 1;
    await this.#store.add(notice.workspaceId, people.map((p) => p.userId), notice.kind, { itemId: notice.itemId, excerpt, actorName: notice.actorName ?? null, reason: notice.note ?? null, ...(count > 1 ? { count } : {}) });
    // Several messages: the inbox (the assignee's own view), else the message itself.
    const inboxUrl = `${this.#config.baseUrl}/w/${notice.workspaceId}/inbox`;
    const url = count > 1 ? (notice.kind === 'inbox_assigned' ? `${inboxUrl}?view=mine` : inboxUrl) : `${inboxUrl}?item=${notice.itemId}`;
    const workspace = await db.selectFrom('organization').select('name').where('id', '=', notice.workspaceId).executeTakeFirst();
    for (const person of people) {
      try {
        await this.#mailer.send(
          inboxMail({
            locale: pickLocale(person.locale),
            to: person.email,
            kind: notice.kind,
            workspaceName: workspace?.name ?? '',
            actorName: notice.actorName ?? null,
            excerpt,
            note: notice.note ?? null,
            count,
            url,
          }),
        );
      } catch (error) {
        this.#logger.warn({ err: error, kind: notice.kind }, 'could not send an inbox e-mail');
      }
    }
  }
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}…` : flat;
}
