// Saved post templates: every member lists them; whoever writes content
// creates, changes and deletes them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContentTemplates } from '../../domain/composer/content-templates.ts';
import { notFound } from '../../errors.ts';
import { errorResponses, locale, workspaceParams } from './schemas.ts';

const template = z.object({
  id: z.string(),
  name: z.string(),
  language: locale,
  text: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const templateFields = {
  name: z.string().trim().min(1).max(80),
  language: locale,
  text: z.string().trim().min(1).max(5_000),
};
const templateParams = workspaceParams.extend({ templateId: z.string().min(1).max(64) });

export function registerContentTemplateRoutes(app: FastifyInstance, templates: ContentTemplates): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { workspacePermission: 'content:write' as const };

  r.get('/api/workspaces/:workspaceId/templates', {
    config: { workspacePermission: 'workspace:read' },
    schema: { tags: ['composer'], summary: 'Saved post templates', params: workspaceParams, response: { 200: z.object({ templates: z.array(template) }), ...errorResponses } },
  }, async (request) => ({ templates: await templates.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/templates', {
    config: write,
    schema: {
      tags: ['composer'],
      summary: 'Save a post template; placeholders like {{first_name}} stay as written',
      params: workspaceParams,
      body: z.strictObject(templateFields),
      response: { 201: z.object({ template }), ...errorResponses },
    },
  }, async (request, reply) => {
    const createdBy = request.actor.kind === 'user' ? request.actor.user.id : null;
    const created = await templates.create(request.params.workspaceId, request.body, createdBy);
    reply.status(201);
    return { template: created };
  });

  r.patch('/api/workspaces/:workspaceId/templates/:templateId', {
    config: write,
    schema: { tags: ['composer'], summary: 'Change a post template', params: templateParams, body: z.strictObject(templateFields).partial(), response: { 200: z.object({ template }), ...errorResponses } },
  }, async (request) => {
    const updated = await templates.update(request.params.workspaceId, request.params.templateId, request.body);
    if (!updated) throw notFound();
    return { template: updated };
  });

  r.delete('/api/workspaces/:workspaceId/templates/:templateId', {
    config: write,
    schema: { tags: ['composer'], summary: 'Delete a post template', params: templateParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (!(await templates.remove(request.params.workspaceId, request.params.templateId))) throw notFound();
    return reply.status(204).send(null);
  });
}
