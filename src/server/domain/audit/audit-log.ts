// Security events, kept for administrators: who did what, from where.
// Account-level events (logins) carry no workspace; a workspace's admins see
// those of their own members.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'password_reset_requested',
  'password_reset',
  'password_changed',
  'member_invited',
  'invitation_canceled',
  'invitation_accepted',
  'member_role_changed',
  'member_removed',
  'api_key_created',
  'api_key_revoked',
  'workspace_created',
  'workspace_updated',
  'setup_completed',
  'channel_connected',
  'channel_disconnected',
  'publishing_paused',
  'publishing_resumed',
  'approval_link_created',
  'approval_link_revoked',
  'inbox_settings_changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEventInput {
  action: AuditAction;
  workspaceId?: string | null;
  actorUserId?: string | null;
  actorLabel?: string | null;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

export interface AuditEvent {
  id: number;
  action: AuditAction;
  actorLabel: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  createdAt: string;
}

export class AuditLog {
  private readonly db: Kysely<Database>;
  private readonly now: () => number;
  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  async record(event: AuditEventInput): Promise<void> {
    await this.db
      .insertInto('audit_event')
      .values({
        action: event.action,
        workspace_id: event.workspaceId ?? null,
        actor_user_id: event.actorUserId ?? null,
        actor_label: event.actorLabel ?? null,
        target: event.target ?? null,
        detail: event.detail ? JSON.stringify(event.detail) : null,
        ip: event.ip || null,
        created_at: this.now(),
      })
      .execute();
  }

  /** Newest first, for one workspace, with its members' account events. */
  async list(workspaceId: string, options: { before?: number; limit: number }): Promise<{ events: AuditEvent[]; nextBefore: number | null }> {
    let query = this.db
      .selectFrom('audit_event')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('workspace_id', '=', workspaceId),
          eb.and([
            eb('workspace_id', 'is', null),
            eb('actor_user_id', 'in', eb.selectFrom('member').select('userId').where('organizationId', '=', workspaceId)),
          ]),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(options.limit + 1);
    if (options.before !== undefined) query = query.where('id', '<', options.before);
    const rows = await query.execute();
    const page = rows.slice(0, options.limit);
    return {
      events: page.map((row) => ({
        id: Number(row.id),
        action: row.action as AuditAction,
        actorLabel: row.actor_label,
        target: row.target,
        detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
        ip: row.ip,
        createdAt: new Date(Number(row.created_at)).toISOString(),
      })),
      nextBefore: rows.length > options.limit ? Number(page.at(-1)!.id) : null,
    };
  }
}
