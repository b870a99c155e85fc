// What every request carries once resolved: the caller's language and who is
// calling (a logged-in person, a workspace API key, or nobody).
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Permission, WorkspaceRole } from '../../shared/roles.ts';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: string | null;
  timeZone: string | null;
  instanceRole: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: SessionUser; sessionId: string }
  | { kind: 'apiKey'; apiKeyId: string; workspaceId: string; role: WorkspaceRole; label: string };

export interface WorkspaceAccess {
  workspaceId: string;
  role: WorkspaceRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor;
    workspace: WorkspaceAccess | null;
  }
  interface FastifyContextConfig {
    /** Routes that take a `:workspaceId` and run only for its members (the isolation test lists these). */
    workspacePermission?: Permission;
    /** Public routes skip the login check. */
    public?: boolean;
  }
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (request.actor.kind !== 'user') throw unauthenticated();
  return request.actor.user;
}

/** Who to name in the audit log for this request. */
export function auditActor(request: FastifyRequest): { actorUserId: string | null; actorLabel: string | null; ip: string } {
  const actor = request.actor;
  if (actor.kind === 'user') return { actorUserId: actor.user.id, actorLabel: actor.user.email, ip: request.ip };
  if (actor.kind === 'apiKey') return { actorUserId: null, actorLabel: `API: ${actor.label}`, ip: request.ip };
  return { actorUserId: null, actorLabel: null, ip: request.ip };
}
