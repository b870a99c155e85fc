// Members of a workspace and their roles (owners and admins).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { Members } from '../../domain/workspaces/members.ts';
import { requireUser, auditActor } from '../request-context.ts';
import { errorResponses, role, workspaceParams } from './schemas.ts';

const member = z.object({ id: z.string(), userId: z.string(), name: z.string(), email: z.string(), role, createdAt: z.string() });
const memberParams = workspaceParams.extend({ memberId: z.string().min(1).max(64) });

export function registerMemberRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const members = new Members(services.database.db);
  const config = { workspacePermission: 'members:manage' as const };

  r.get('/api/workspaces/:workspaceId/members', {
    config,
    schema: { tags: ['members'], summary: "A workspace's members", params: workspaceParams, response: { 200: z.object({ members: z.array(member) }), ...errorResponses } },
  }, async (request) => ({ members: await members.list(request.params.workspaceId) }));

  r.patch('/api/workspaces/:workspaceId/members/:memberId', {
    config,
    schema: { tags: ['members'], summary: "Change a member's role", params: memberParams, body: z.strictObject({ role }), response: { 200: z.object({ member }), ...errorResponses } },
  }, async (request) => {
    const me = requireUser(request);
    const { workspaceId, memberId } = request.params;
    const { member: changed, previousRole } = await members.changeRole(workspaceId, { userId: me.id, role: request.workspace!.role }, memberId, request.body.role);
    if (previousRole !== changed.role) {
      await services.audit.record({ action: 'member_role_changed', workspaceId, target: changed.email, detail: { from: previousRole, to: changed.role }, ...auditActor(request) });
    }
    return { member: changed };
  });

  r.delete('/api/workspaces/:workspaceId/members/:memberId', {
    config,
    schema: { tags: ['members'], summary: 'Remove a member from the workspace', params: memberParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const me = requireUser(request);
    const { workspaceId, memberId } = request.params;
    const removed = await members.remove(workspaceId, { userId: me.id, role: request.workspace!.role }, memberId);
    await services.audit.record({ action: 'member_removed', workspaceId, target: removed.email, detail: { role: removed.role }, ...auditActor(request) });
    return reply.status(204).send(null);
  });
}
