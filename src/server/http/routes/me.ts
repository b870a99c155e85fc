// The logged-in person: profile, language, time zone, password, workspaces.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { Workspaces } from '../../domain/workspaces/workspaces.ts';
import { assertTimeZone } from '../../domain/workspaces/time-zones.ts';
import { authCall } from '../../auth/auth-errors.ts';
import { assertStrongPassword } from '../../auth/password-policy.ts';
import { requireUser, type SessionUser } from '../request-context.ts';
import type { Locale } from '../../../shared/locales.ts';
import { authHeaders } from '../headers.ts';
import { errorResponses, locale, password, personName, timeZone, user, workspace } from './schemas.ts';

function present(u: SessionUser): { id: string; name: string; email: string; locale: Locale | null; timeZone: string | null; instanceRole: 'admin' | null } {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    locale: u.locale === 'fr' || u.locale === 'en' ? u.locale : null,
    timeZone: u.timeZone,
    instanceRole: u.instanceRole === 'admin' ? ('admin' as const) : null,
  };
}

export function registerMeRoutes(app: FastifyInstance, services: Services, workspaces: Workspaces): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;

  r.get('/api/me', {
    schema: { tags: ['me'], summary: 'Who I am and my workspaces', response: { 200: z.object({ user, workspaces: z.array(workspace) }), ...errorResponses } },
  }, async (request) => {
    const me = requireUser(request);
    return { user: present(me), workspaces: await workspaces.listForUser(me.id) };
  });

  r.patch('/api/me', {
    schema: {
      tags: ['me'],
      summary: 'Update my profile',
      body: z.strictObject({ name: personName.optional(), locale: locale.optional(), timeZone: timeZone.nullable().optional() }),
      response: { 200: z.object({ user }), ...errorResponses },
    },
  }, async (request) => {
    const me = requireUser(request);
    assertTimeZone(request.body.timeZone);
    const changes = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length > 0) {
      await db.updateTable('user').set({ ...changes, updatedAt: new Date() as never }).where('id', '=', me.id).execute();
    }
    return { user: present({ ...me, ...changes }) };
  });

  r.post('/api/me/password', {
    schema: {
      tags: ['me'],
      summary: 'Change my password (logs out my other sessions)',
      body: z.strictObject({ currentPassword: password, newPassword: password }),
      response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    assertStrongPassword(request.body.newPassword, [me.name, me.email]);
    const result = await authCall(() =>
      services.auth.api.changePassword({
        body: { currentPassword: request.body.currentPassword, newPassword: request.body.newPassword, revokeOtherSessions: true },
        headers: authHeaders(request),
        returnHeaders: true,
      }),
    );
    for (const cookie of result.headers.getSetCookie()) reply.header('set-cookie', cookie);
    await services.audit.record({ action: 'password_changed', actorUserId: me.id, actorLabel: me.email, ip: request.ip });
    return reply.status(204).send(null);
  });
}
