// A workspace's members and their roles. Nobody hands out a role above their
// own, changes their own role, or leaves a workspace without an owner.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { assignableRoles, type WorkspaceRole } from '../../../shared/roles.ts';
import type { Member } from '../../../shared/api-types.ts';

export type MemberView = Member;

const toIso = (value: Date | string) => new Date(value).toISOString();

export class Members {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async list(workspaceId: string): Promise<MemberView[]> {
    const rows = await this.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['member.id', 'member.userId', 'member.role', 'member.createdAt', 'user.name', 'user.email'])
      .where('member.organizationId', '=', workspaceId)
      .orderBy('user.name')
      .execute();
    return rows.map((row) => ({ ...row, role: row.role as WorkspaceRole, createdAt: toIso(row.createdAt) }));
  }

  private async find(workspaceId: string, memberId: string): Promise<MemberView> {
    const member = (await this.list(workspaceId)).find((m) => m.id === memberId);
    if (!member) throw notFound();
    return member;
  }

  private async assertCanManage(workspaceId: string, actor: { userId: string; role: WorkspaceRole }, target: MemberView) {
    if (target.userId === actor.userId) throw new AppError(400, 'cannot_change_own_role');
    if (!assignableRoles(actor.role).includes(target.role)) throw new AppError(403, 'role_not_allowed');
    if (target.role === 'owner') {
      const owners = await this.db.selectFrom('member').select(({ fn }) => fn.countAll<number>().as('n')).where('organizationId', '=', workspaceId).where('role', '=', 'owner').executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) throw new AppError(400, 'last_owner');
    }
  }

  async changeRole(workspaceId: string, actor: { userId: string; role: WorkspaceRole }, memberId: string, role: WorkspaceRole): Promise<{ member: MemberView; previousRole: WorkspaceRole }> {
    const target = await this.find(workspaceId, memberId);
    if (!assignableRoles(actor.role).includes(role)) throw new AppError(403, 'role_not_allowed');
    if (target.role !== role) await this.assertCanManage(workspaceId, actor, target);
    await this.db.updateTable('member').set({ role }).where('id', '=', memberId).where('organizationId', '=', workspaceId).execute();
    return { member: { ...target, role }, previousRole: target.role };
  }

  async remove(workspaceId: string, actor: { userId: string; role: WorkspaceRole }, memberId: string): Promise<MemberView> {
    const target = await this.find(workspaceId, memberId);
    await this.assertCanManage(workspaceId, actor, target);
    await this.db.deleteFrom('member').where('id', '=', memberId).where('organizationId', '=', workspaceId).execute();
    return target;
  }
}
