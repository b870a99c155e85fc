// Client approval links, for the team: create one for a period (its address is
// shown once), list them with what clients did, revoke one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { ApprovalLinks } from '../../domain/approval-links/approval-link-store.ts';
import { notFound } from '../../errors.ts';
import { createApprovalLinkSchema } from '../../../shared/approval-links.ts';
import { auditActor } from '../request-context.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

export const approvalLinkView = z.object({
  id: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  channels: z.array(z.object({ id: z.string(), network: z.string(), handle: z.string() })),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastOpenedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
  approvals: z.number(),
  comments: z.number(),
  lastActionAt: z.string().nullable(),
});

/** The address a client opens: the web page, which reads /api/review/<token>. */
export function reviewUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/review/${token}`;
}

export function registerApprovalLinkRoutes(app: FastifyInstance, services: Services, links: ApprovalLinks): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Handing posts to someone outside the team is an approver's call.
  const config = { workspacePermission: 'content:publish' as const };
  const linkParams = workspaceParams.extend({ linkId: z.string().min(1).max(64) });

  r.get('/api/workspaces/:workspaceId/approval-links', {
    config,
    schema: { tags: ['approval links'], summary: 'Client approval links, newest first, with how many approvals and comments came through each', params: workspaceParams, response: { 200: z.object({ links: z.array(approvalLinkView) }), ...errorResponses } },
  }, async (request) => ({ links: await links.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/approval-links', {
    config,
    schema: {
      tags: ['approval links'],
      summary: 'Create a client approval link for a period (days in the workspace time zone); its address is returned once',
      description: 'The client needs no account: the address carries a random token, of which only a hash is kept. Default expiry 14 days, at most 90.',
      params: workspaceParams,
      body: createApprovalLinkSchema,
      response: { 201: z.object({ link: approvalLinkView, url: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const userId = request.actor.kind === 'user' ? request.actor.user.id : null;
    const { link, token } = await links.create(workspaceId, userId, request.body);
    await services.audit.record({ action: 'approval_link_created', workspaceId, target: link.label, detail: { from: link.from, to: link.to, expiresAt: link.expiresAt }, ...auditActor(request) });
    reply.status(201);
    return { link, url: reviewUrl(services.config.baseUrl, token) };
  });

  r.post('/api/workspaces/:workspaceId/approval-links/:linkId/revoke', {
    config,
    schema: { tags: ['approval links'], summary: 'Revoke a client approval link at once', params: linkParams, response: { 200: z.object({ link: approvalLinkView }), ...errorResponses } },
  }, async (request) => {
    const { workspaceId, linkId } = request.params;
    const link = await links.revoke(workspaceId, linkId);
    if (!link) throw notFound();
    await services.audit.record({ action: 'approval_link_revoked', workspaceId, target: link.label, ...auditActor(request) });
    return { link };
  });
}
