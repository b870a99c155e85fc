// Workspace API keys (owners and admins). The secret appears once, at creation.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { ApiKeys } from '../../domain/workspaces/api-keys.ts';
import { AppError, notFound } from '../../errors.ts';
import { assignableRoles } from '../../../shared/roles.ts';
import { auditActor, requireUser } from '../request-context.ts';
import { errorResponses, role, workspaceParams } from './schemas.ts';

const apiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), role, createdAt: z.string(), lastUsedAt: z.string().nullable(), createdByName: z.string().nullable() });

export function registerApiKeyRoutes(app: FastifyInstance, services: Services, apiKeys: ApiKeys): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { workspacePermission: 'apiKeys:manage' as const };

  r.get('/api/workspaces/:workspaceId/api-keys', {
    config,
    schema: { tags: ['api keys'], summary: "A workspace's active API keys", params: workspaceParams, response: { 200: z.object({ apiKeys: z.array(apiKey) }), ...errorResponses } },
  }, async (request) => ({ apiKeys: await apiKeys.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/api-keys', {
    config,
    schema: {
      tags: ['api keys'],
      summary: 'Create an API key; its secret is returned once',
      params: workspaceParams,
      body: z.strictObject({ name: z.string().trim().min(1).max(80), role: role.exclude(['owner']) }),
      response: { 201: z.object({ apiKey, secret: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    if (!assignableRoles(request.workspace!.role).includes(request.body.role)) throw new AppError(403, 'role_not_allowed');
    const created = await apiKeys.create({ workspaceId: request.params.workspaceId, name: request.body.name, role: request.body.role, createdBy: me.id });
    await services.audit.record({ action: 'api_key_created', workspaceId: request.params.workspaceId, target: created.apiKey.name, detail: { role: created.apiKey.role, prefix: created.apiKey.prefix }, ...auditActor(request) });
    reply.status(201);
    return created;
  });

  r.delete('/api/workspaces/:workspaceId/api-keys/:apiKeyId', {
    config,
    schema: { tags: ['api keys'], summary: 'Revoke an API key', params: workspaceParams.extend({ apiKeyId: z.string().min(1).max(64) }), response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const name = await apiKeys.revoke(request.params.workspaceId, request.params.apiKeyId);
    if (!name) throw notFound();
    await services.audit.record({ action: 'api_key_revoked', workspaceId: request.params.workspaceId, target: name, ...auditActor(request) });
    return reply.status(204).send(null);
  });
}
