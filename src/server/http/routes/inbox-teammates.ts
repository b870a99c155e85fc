// Who a message can be assigned to and who a note can mention: the members
// who may work the inbox. Everyone who reads the inbox may list them (names
// only): the members list itself, with e-mail addresses and roles, stays with
// those who manage members.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services.ts';
import { can, isWorkspaceRole } from '../../../shared/roles.ts';
import type { TeammateView } from '../../../shared/inbox.ts';
import { workspaceParams } from './schemas.ts';

export function registerInboxTeammateRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/workspaces/:workspaceId/inbox/teammates', {
    config: { workspacePermission: 'inbox:read' },
    schema: { tags: ['inbox'], summary: 'The members who may work the inbox (assignees, mentions), by name', params: workspaceParams },
  }, async (request): Promise<{ teammates: TeammateView[] }> => {
    const rows = await services.database.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['user.id as userId', 'user.name', 'member.role'])
      .where('member.organizationId', '=', request.params.workspaceId)
      .orderBy('user.name')
      .execute();
    return { teammates: rows.filter((row) => isWorkspaceRole(row.role) && can(row.role, 'inbox:work')).map((row) => ({ userId: row.userId, name: row.name })) };
  });
}
