// Inviting teammates (owners and admins) and accepting an invitation (public).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { Invitations } from '../../domain/workspaces/invitations.ts';
import { invitationLifetimeSeconds } from '../../auth/auth.ts';
import { invitationMail, roleLabels } from '../../mail/templates.ts';
import { AppError, notFound } from '../../errors.ts';
import { auditActor, requireUser } from '../request-context.ts';
import { authHeaders } from '../headers.ts';
import { email, errorResponses, locale, password, personName, role, workspaceParams } from './schemas.ts';

const status = z.enum(['pending', 'accepted', 'canceled', 'expired']);
const invitation = z.object({ id: z.string(), email: z.string(), role, status, expiresAt: z.string(), inviterName: z.string().nullable(), link: z.string() });
const invitationParams = workspaceParams.extend({ invitationId: z.string().min(1).max(64) });
const publicParams = z.strictObject({ invitationId: z.string().min(1).max(64) });

export function registerInvitationRoutes(app: FastifyInstance, services: Services, invitations: Invitations): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { workspacePermission: 'members:manage' as const };

  r.get('/api/workspaces/:workspaceId/invitations', {
    config,
    schema: { tags: ['invitations'], summary: 'Pending invitations', params: workspaceParams, response: { 200: z.object({ invitations: z.array(invitation) }), ...errorResponses } },
  }, async (request) => ({ invitations: await invitations.listPending(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/invitations', {
    config,
    schema: {
      tags: ['invitations'],
      summary: 'Invite a teammate by email',
      params: workspaceParams,
      body: z.strictObject({ email, role }),
      response: { 201: z.object({ invitation: invitation.extend({ emailSent: z.boolean() }) }), ...errorResponses },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    const { workspaceId } = request.params;
    const created = await invitations.create({ workspaceId, email: request.body.email, role: request.body.role, inviterRole: request.workspace!.role }, authHeaders(request));
    const details = await invitations.getPublic(created.id);
    const mailLocale = details.workspaceLanguage;
    let emailSent = false;
    try {
      emailSent = await services.mailer.send(
        invitationMail({
          locale: mailLocale,
          to: created.email,
          inviterName: me.name,
          workspaceName: details.workspaceName,
          roleLabel: roleLabels[mailLocale][created.role],
          url: created.link,
          expiresInDays: Math.round(invitationLifetimeSeconds / 86400),
        }),
      );
    } catch (error) {
      request.log.warn({ err: error }, 'invitation email could not be sent');
    }
    await services.audit.record({ action: 'member_invited', workspaceId, target: created.email, detail: { role: created.role, emailSent }, ...auditActor(request) });
    reply.status(201);
    return { invitation: { ...created, emailSent } };
  });

  r.delete('/api/workspaces/:workspaceId/invitations/:invitationId', {
    config,
    schema: { tags: ['invitations'], summary: 'Cancel a pending invitation', params: invitationParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const { workspaceId, invitationId } = request.params;
    const canceled = await invitations.cancel(workspaceId, invitationId);
    if (!canceled) throw notFound();
    await services.audit.record({ action: 'invitation_canceled', workspaceId, target: canceled, ...auditActor(request) });
    return reply.status(204).send(null);
  });

  r.get('/api/invitations/:invitationId', {
    config: { public: true },
    schema: {
      tags: ['invitations'],
      summary: 'What an invitation link offers (no login needed)',
      params: publicParams,
      response: {
        200: z.object({
          invitation: z.object({ id: z.string(), email: z.string(), role, status, expiresAt: z.string(), workspaceName: z.string(), inviterName: z.string().nullable(), accountExists: z.boolean() }),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const found = await invitations.getPublic(request.params.invitationId);
    return { invitation: found };
  });

  r.post('/api/invitations/:invitationId/accept', {
    config: { public: true },
    schema: {
      tags: ['invitations'],
      summary: 'Accept an invitation (creating the account when the email has none)',
      params: publicParams,
      body: z.strictObject({ name: personName.optional(), password: password.optional(), locale: locale.optional() }),
      response: { 200: z.object({ workspaceId: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const { invitationId } = request.params;
    const found = await invitations.getPublic(invitationId);
    invitations.assertUsable(found);
    let workspaceId: string;
    let userId: string | null = null;
    if (request.actor.kind === 'user') {
      workspaceId = await invitations.accept(invitationId, authHeaders(request));
      userId = request.actor.user.id;
    } else if (found.accountExists) {
      throw new AppError(401, 'invitation_login_required', { email: found.email });
    } else {
      if (!request.body.name || !request.body.password) throw new AppError(400, 'validation', { details: 'name, password' });
      const result = await invitations.acceptAsNewUser(invitationId, { name: request.body.name, password: request.body.password, locale: request.body.locale ?? request.locale });
      workspaceId = result.workspaceId;
      for (const cookie of result.setCookies) reply.header('set-cookie', cookie);
    }
    await services.audit.record({ action: 'invitation_accepted', workspaceId, actorUserId: userId, actorLabel: found.email, target: found.email, detail: { role: found.role }, ip: request.ip });
    return { workspaceId };
  });
}
