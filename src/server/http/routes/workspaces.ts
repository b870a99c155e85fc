// Creating a workspace, reading and changing its settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { Workspaces } from '../../domain/workspaces/workspaces.ts';
import { AppError } from '../../errors.ts';
import { auditActor, requireUser } from '../request-context.ts';
import { authHeaders } from '../headers.ts';
import { errorResponses, locale, timeZone, workspace, workspaceParams } from './schemas.ts';

const workspaceName = z.string().trim().min(1).max(80);

export function registerWorkspaceRoutes(app: FastifyInstance, services: Services, workspaces: Workspaces): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/workspaces', {
    schema: {
      tags: ['workspaces'],
      summary: 'Create a workspace (instance administrators); its creator becomes owner',
      body: z.strictObject({ name: workspaceName, language: locale, timeZone }),
      response: { 201: z.object({ workspace }), ...errorResponses },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    if (me.instanceRole !== 'admin') throw new AppError(403, 'instance_admin_required');
    const created = await workspaces.create(request.body, authHeaders(request));
    await services.audit.record({ action: 'workspace_created', workspaceId: created.id, actorUserId: me.id, actorLabel: me.email, target: created.name, ip: request.ip });
    reply.status(201);
    return { workspace: created };
  });

  r.get('/api/workspaces/:workspaceId', {
    config: { workspacePermission: 'workspace:read' },
    schema: { tags: ['workspaces'], summary: 'A workspace and my role in it', params: workspaceParams, response: { 200: z.object({ workspace }), ...errorResponses } },
  }, async (request) => ({ workspace: await workspaces.get(request.params.workspaceId, request.workspace!.role) }));

  r.patch('/api/workspaces/:workspaceId', {
    config: { workspacePermission: 'workspace:update' },
    schema: {
      tags: ['workspaces'],
      summary: "Change a workspace's name, language or time zone",
      params: workspaceParams,
      body: z.strictObject({ name: workspaceName.optional(), language: locale.optional(), timeZone: timeZone.optional() }),
      response: { 200: z.object({ workspace }), ...errorResponses },
    },
  }, async (request) => {
    const updated = await workspaces.update(request.params.workspaceId, request.workspace!.role, request.body);
    await services.audit.record({ action: 'workspace_updated', workspaceId: updated.id, detail: request.body, ...auditActor(request) });
    return { workspace: updated };
  });
}
