// Routes under /api/workspaces/:workspaceId run only for that workspace's
// members (others get 404: a workspace's existence is not disclosed) and only
// for roles holding the route's permission (others get 403). It runs before
// body validation, so an outsider cannot probe a workspace through error details.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { can, isWorkspaceRole, type WorkspaceRole } from '../../shared/roles.ts';

export async function memberRole(db: Kysely<Database>, workspaceId: string, userId: string): Promise<WorkspaceRole | null> {
  const row = await db.selectFrom('member').select('role').where('organizationId', '=', workspaceId).where('userId', '=', userId).executeTakeFirst();
  return row && isWorkspaceRole(row.role) ? row.role : null;
}

export function installWorkspaceGuard(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.workspacePermission;
    if (!permission) return;
    const workspaceId = (request.params as { workspaceId?: string }).workspaceId;
    if (!workspaceId) throw notFound();
    const actor = request.actor;
    let role: WorkspaceRole | null = null;
    if (actor.kind === 'user') role = await memberRole(db, workspaceId, actor.user.id);
    else if (actor.kind === 'apiKey' && actor.workspaceId === workspaceId) role = actor.role;
    if (!role) throw notFound();
    if (!can(role, permission)) throw forbidden();
    request.workspace = { workspaceId, role };
  });
}
