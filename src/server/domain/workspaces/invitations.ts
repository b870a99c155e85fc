// Inviting teammates by email. better-auth stores invitations and accepts them
// atomically (an invitation moves from pending to accepted once); Relais adds
// the rules: no role above the inviter's, accounts created only through an
// invitation, and a clear state for expired, used or canceled links.
import type { Kysely } from 'kysely';
import type { Auth } from '../../auth/auth.ts';
import { authCall } from '../../auth/auth-errors.ts';
import { assertStrongPassword } from '../../auth/password-policy.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { assignableRoles, type WorkspaceRole } from '../../../shared/roles.ts';
import { pickLocale, type Locale } from '../../../shared/locales.ts';
import type { Invitation, InvitationStatus, PublicInvitation as PublicInvitationView } from '../../../shared/api-types.ts';

export type InvitationView = Invitation;

/** What the invitation page shows, plus the language its emails are written in. */
export interface PublicInvitation extends PublicInvitationView {
  workspaceLanguage: Locale;
}

function statusOf(row: { status: string; expiresAt: Date | string }, now: number): InvitationStatus {
  if (row.status === 'pending' && new Date(row.expiresAt).getTime() < now) return 'expired';
  if (row.status === 'accepted' || row.status === 'canceled' || row.status === 'pending') return row.status;
  return 'canceled';
}

export class Invitations {
  private readonly db: Kysely<Database>;
  private readonly auth: Auth;
  private readonly baseUrl: string;
  constructor(db: Kysely<Database>, auth: Auth, baseUrl: string) {
    this.db = db;
    this.auth = auth;
    this.baseUrl = baseUrl;
  }

  linkFor(invitationId: string): string {
    return `${this.baseUrl}/invite/${encodeURIComponent(invitationId)}`;
  }

  private query() {
    return this.db
      .selectFrom('invitation')
      .innerJoin('user as inviter', 'inviter.id', 'invitation.inviterId')
      .innerJoin('organization', 'organization.id', 'invitation.organizationId')
      .select([
        'invitation.id',
        'invitation.email',
        'invitation.role',
        'invitation.status',
        'invitation.expiresAt',
        'invitation.organizationId',
        'inviter.name as inviterName',
        'organization.name as workspaceName',
        'organization.language as workspaceLanguage',
      ]);
  }

  async listPending(workspaceId: string): Promise<InvitationView[]> {
    const now = Date.now();
    const rows = await this.query().where('invitation.organizationId', '=', workspaceId).where('invitation.status', '=', 'pending').orderBy('invitation.createdAt', 'desc').execute();
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: (row.role ?? 'contributor') as WorkspaceRole,
      status: statusOf(row, now),
      expiresAt: new Date(row.expiresAt).toISOString(),
      inviterName: row.inviterName,
      link: this.linkFor(row.id),
    }));
  }

  async create(input: { workspaceId: string; email: string; role: WorkspaceRole; inviterRole: WorkspaceRole }, headers: Headers): Promise<InvitationView> {
    if (!assignableRoles(input.inviterRole).includes(input.role)) throw new AppError(403, 'role_not_allowed');
    const email = input.email.trim().toLowerCase();
    // An expired pending invitation must not block a new one.
    await this.db.updateTable('invitation').set({ status: 'canceled' }).where('organizationId', '=', input.workspaceId).where('email', '=', email).where('status', '=', 'pending').where('expiresAt', '<', new Date() as never).execute();
    const created = await authCall(() =>
      this.auth.api.createInvitation({ body: { email, role: input.role, organizationId: input.workspaceId }, headers }),
    );
    const view = (await this.listPending(input.workspaceId)).find((invitation) => invitation.id === created!.id);
    if (!view) throw notFound();
    return view;
  }

  /** Returns the canceled invitation's email, or null when there was none pending. */
  async cancel(workspaceId: string, invitationId: string): Promise<string | null> {
    const row = await this.db.selectFrom('invitation').select('email').where('id', '=', invitationId).where('organizationId', '=', workspaceId).where('status', '=', 'pending').executeTakeFirst();
    if (!row) return null;
    await this.db.updateTable('invitation').set({ status: 'canceled' }).where('id', '=', invitationId).where('status', '=', 'pending').execute();
    return row.email;
  }

  async getPublic(invitationId: string): Promise<PublicInvitation> {
    const row = await this.query().where('invitation.id', '=', invitationId).executeTakeFirst();
    if (!row) throw new AppError(404, 'invitation_not_found');
    const account = await this.db.selectFrom('user').select('id').where('email', '=', row.email).executeTakeFirst();
    return {
      id: row.id,
      email: row.email,
      role: (row.role ?? 'contributor') as WorkspaceRole,
      status: statusOf(row, Date.now()),
      expiresAt: new Date(row.expiresAt).toISOString(),
      workspaceName: row.workspaceName,
      workspaceLanguage: pickLocale(row.workspaceLanguage),
      inviterName: row.inviterName,
      accountExists: Boolean(account),
    };
  }

  assertUsable(invitation: PublicInvitation): void {
    if (invitation.status === 'expired') throw new AppError(410, 'invitation_expired');
    if (invitation.status === 'accepted') throw new AppError(409, 'invitation_used');
    if (invitation.status === 'canceled') throw new AppError(410, 'invitation_canceled');
  }

  /**
   * Accepts for a person who has no account yet: creates it (the invitation
   * proves the email address) and returns the new session's cookies.
   */
  async acceptAsNewUser(invitationId: string, input: { name: string; password: string; locale: Locale }): Promise<{ workspaceId: string; setCookies: string[] }> {
    const invitation = await this.getPublic(invitationId);
    this.assertUsable(invitation);
    if (invitation.accountExists) throw new AppError(409, 'invitation_login_required', { email: invitation.email });
    assertStrongPassword(input.password, [input.name, invitation.email]);
    const signUp = await authCall(() =>
      this.auth.api.signUpEmail({ body: { name: input.name, email: invitation.email, password: input.password, locale: input.locale }, returnHeaders: true }),
    );
    await this.db.updateTable('user').set({ emailVerified: true as never }).where('email', '=', invitation.email).execute();
    const setCookies = signUp.headers.getSetCookie();
    const headers = new Headers({ cookie: setCookies.map((c) => c.split(';')[0]).join('; ') });
    const workspaceId = await this.accept(invitationId, headers);
    return { workspaceId, setCookies };
  }

  /** Accepts for the logged-in person whose session is in `headers`. */
  async accept(invitationId: string, headers: Headers): Promise<string> {
    const invitation = await this.getPublic(invitationId);
    this.assertUsable(invitation);
    try {
      const result = await this.auth.api.acceptInvitation({ body: { invitationId }, headers });
      return result!.invitation.organizationId;
    } catch (error) {
      const code = (error as { body?: { code?: string } }).body?.code;
      if (code === 'YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION') throw new AppError(403, 'invitation_wrong_account', { email: invitation.email });
      if (code === 'INVITATION_NOT_FOUND') throw new AppError(409, 'invitation_used');
      throw error;
    }
  }
}
