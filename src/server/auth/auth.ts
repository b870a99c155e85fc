// Accounts, sessions, password resets and workspaces (better-auth
// "organizations" with Relais' five roles). better-auth owns hashing, session
// cookies, tokens and rate limiting; Relais owns the rules around them.
import { createHmac } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { organization } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/organization/access';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { AppDatabase } from '../db/database.ts';
import type { AuditLog } from '../domain/audit/audit-log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { passwordResetMail } from '../mail/templates.ts';
import { pickLocale } from '../../shared/locales.ts';
import { minPasswordLength, maxPasswordLength } from './password-policy.ts';

export const invitationLifetimeSeconds = 7 * 24 * 3600;
/** Internal header carrying the client address Fastify resolved (proxy-aware); never taken from clients. */
export const clientIpHeader = 'x-relais-client-ip';

const ac = createAccessControl(defaultStatements);
const manage = ac.newRole({ organization: ['update'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'] });
const roles = {
  owner: ac.newRole({ organization: ['update', 'delete'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'] }),
  admin: manage,
  editor: ac.newRole({}),
  contributor: ac.newRole({}),
  analyst: ac.newRole({}),
};

export interface AuthDeps {
  config: Config;
  database: AppDatabase;
  audit: AuditLog;
  mailer: Mailer;
  logger: Logger;
}

export function createAuth({ config, database, audit, mailer, logger }: AuthDeps) {
  return betterAuth({
    appName: 'Relais',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    // Derived so that the raw key is only ever used for token encryption.
    secret: createHmac('sha256', config.secretKey).update('relais:auth-secret').digest('hex'),
    database: { db: database.db, type: database.engine === 'postgres' ? 'postgres' : 'sqlite' },
    trustedOrigins: [new URL(config.baseUrl).origin],
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => (level === 'error' ? logger.error({ source: 'auth' }, message) : logger.warn({ source: 'auth' }, message)),
    },
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, input: true },
        timeZone: { type: 'string', required: false, input: true },
        instanceRole: { type: 'string', required: false, input: false },
      },
    },
    session: { expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600 },
    // Password-reset tokens are kept only as hashes: a database dump cannot reset anyone's password.
    verification: { storeIdentifier: 'hashed' },
    emailAndPassword: {
      enabled: true,
      minPasswordLength,
      maxPasswordLength,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      sendResetPassword: async ({ user, url }) => {
        const locale = pickLocale((user as { locale?: string | null }).locale);
        await mailer.send(passwordResetMail({ locale, to: user.email, name: user.name, url }));
        await audit.record({ action: 'password_reset_requested', actorUserId: user.id, actorLabel: user.email });
      },
      onPasswordReset: async ({ user }) => {
        await audit.record({ action: 'password_reset', actorUserId: user.id, actorLabel: user.email });
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/request-password-reset': { window: 300, max: 5 },
        '/reset-password': { window: 300, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'relais',
      useSecureCookies: config.baseUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            const user = await database.db.selectFrom('user').select('email').where('id', '=', session.userId).executeTakeFirst();
            await audit.record({ action: 'login', actorUserId: session.userId, actorLabel: user?.email ?? null, ip: session.ipAddress ?? null });
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles,
        creatorRole: 'owner',
        allowUserToCreateOrganization: async (user) => (user as { instanceRole?: string | null }).instanceRole === 'admin',
        invitationExpiresIn: invitationLifetimeSeconds,
        cancelPendingInvitationsOnReInvite: false,
        schema: {
          organization: {
            additionalFields: {
              language: { type: 'string', required: false, input: true },
              timeZone: { type: 'string', required: false, input: true },
            },
          },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
