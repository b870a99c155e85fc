// Brand-voice rules: every member reads them (the composer checks posts
// against them); owners and admins set them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { BrandRules } from '../../domain/composer/brand-rules.ts';
import { AppError, notFound } from '../../errors.ts';
import { brandRuleKinds, isSearchableTerm } from '../../../shared/composer/brand-voice.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const brandRule = z.object({
  id: z.string(),
  kind: z.enum(brandRuleKinds),
  term: z.string(),
  suggestion: z.string().nullable(),
  note: z.string().nullable(),
  networks: z.array(z.string()).nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

const ruleFields = {
  kind: z.enum(brandRuleKinds),
  term: z.string().trim().min(1).max(100),
  suggestion: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  networks: z.array(z.string().min(1).max(40)).max(20).nullable().optional(),
};
const ruleParams = workspaceParams.extend({ ruleId: z.string().min(1).max(64) });

export function registerBrandRuleRoutes(app: FastifyInstance, services: Services, rules: BrandRules): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { workspacePermission: 'brand:manage' as const };

  /** What zod cannot say: a term needs a letter or a digit, networks must exist. */
  function checkInput(input: { term?: string; networks?: string[] | null }): void {
    if (input.term !== undefined && !isSearchableTerm(input.term)) throw new AppError(400, 'brand_term_empty');
    for (const network of input.networks ?? []) if (!services.channels.registry.get(network)) throw new AppError(400, 'network_unknown');
  }

  r.get('/api/workspaces/:workspaceId/brand-rules', {
    config: { workspacePermission: 'workspace:read' },
    schema: { tags: ['composer'], summary: 'Brand-voice rules: words to avoid and words every post must carry', params: workspaceParams, response: { 200: z.object({ rules: z.array(brandRule) }), ...errorResponses } },
  }, async (request) => ({ rules: await rules.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/brand-rules', {
    config: manage,
    schema: { tags: ['composer'], summary: 'Add a brand-voice rule', params: workspaceParams, body: z.strictObject(ruleFields), response: { 201: z.object({ rule: brandRule }), ...errorResponses } },
  }, async (request, reply) => {
    checkInput(request.body);
    // Through an API key, a rule has no author to show.
    const createdBy = request.actor.kind === 'user' ? request.actor.user.id : null;
    const rule = await rules.create(request.params.workspaceId, request.body, createdBy);
    reply.status(201);
    return { rule };
  });

  r.patch('/api/workspaces/:workspaceId/brand-rules/:ruleId', {
    config: manage,
    schema: { tags: ['composer'], summary: 'Change a brand-voice rule', params: ruleParams, body: z.strictObject(ruleFields).partial(), response: { 200: z.object({ rule: brandRule }), ...errorResponses } },
  }, async (request) => {
    checkInput(request.body);
    const rule = await rules.update(request.params.workspaceId, request.params.ruleId, request.body);
    if (!rule) throw notFound();
    return { rule };
  });

  r.delete('/api/workspaces/:workspaceId/brand-rules/:ruleId', {
    config: manage,
    schema: { tags: ['composer'], summary: 'Delete a brand-voice rule', params: ruleParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (!(await rules.remove(request.params.workspaceId, request.params.ruleId))) throw notFound();
    return reply.status(204).send(null);
  });
}
