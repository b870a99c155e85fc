import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { auditActions } from '../../domain/audit/audit-log.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const event = z.object({
  id: z.number(),
  action: z.enum(auditActions),
  actorLabel: z.string().nullable(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});

export function registerAuditRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/workspaces/:workspaceId/audit-events', {
    config: { workspacePermission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: "Security events of a workspace and its members' accounts, newest first",
      params: workspaceParams,
      querystring: z.strictObject({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ events: z.array(event), nextBefore: z.number().nullable() }), ...errorResponses },
    },
  }, async (request) => services.audit.list(request.params.workspaceId, request.query));
}
