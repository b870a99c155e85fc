// Workspaces: a brand, or one client of an agency. Stored as better-auth
// organizations; the creator becomes their owner.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Auth } from '../../auth/auth.ts';
import { authCall } from '../../auth/auth-errors.ts';
import type { Database } from '../../db/schema.ts';
import { isWorkspaceRole, type WorkspaceRole } from '../../../shared/roles.ts';
import type { Locale } from '../../../shared/locales.ts';
import type { Workspace } from '../../../shared/api-types.ts';
import { assertTimeZone } from './time-zones.ts';

export type WorkspaceView = Workspace;

export interface WorkspaceSettings {
  name?: string;
  language?: Locale;
  timeZone?: string;
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${randomBytes(3).toString('hex')}`;
}

export class Workspaces {
  private readonly db: Kysely<Database>;
  private readonly auth: Auth;
  constructor(db: Kysely<Database>, auth: Auth) {
    this.db = db;
    this.auth = auth;
  }

  async listForUser(userId: string): Promise<WorkspaceView[]> {
    const rows = await this.db
      .selectFrom('member')
      .innerJoin('organization', 'organization.id', 'member.organizationId')
      .select(['organization.id', 'organization.name', 'organization.slug', 'organization.language', 'organization.timeZone', 'member.role'])
      .where('member.userId', '=', userId)
      .orderBy('organization.name')
      .execute();
    return rows.filter((row) => isWorkspaceRole(row.role)).map((row) => toView(row, row.role as WorkspaceRole));
  }

  async get(workspaceId: string, role: WorkspaceRole): Promise<WorkspaceView> {
    const row = await this.db.selectFrom('organization').selectAll().where('id', '=', workspaceId).executeTakeFirstOrThrow();
    return toView(row, role);
  }

  async create(input: Required<WorkspaceSettings>, headers: Headers): Promise<WorkspaceView> {
    assertTimeZone(input.timeZone);
    const created = await authCall(() =>
      this.auth.api.createOrganization({
        body: { name: input.name, slug: slugify(input.name), language: input.language, timeZone: input.timeZone, keepCurrentActiveOrganization: true },
        headers,
      }),
    );
    return this.get(created!.id, 'owner');
  }

  async update(workspaceId: string, role: WorkspaceRole, settings: WorkspaceSettings): Promise<WorkspaceView> {
    assertTimeZone(settings.timeZone);
    const changes = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length > 0) await this.db.updateTable('organization').set(changes).where('id', '=', workspaceId).execute();
    return this.get(workspaceId, role);
  }
}

function toView(row: { id: string; name: string; slug: string; language: string | null; timeZone: string | null }, role: WorkspaceRole): WorkspaceView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    role,
    language: row.language === 'fr' ? 'fr' : 'en',
    timeZone: row.timeZone ?? 'UTC',
  };
}
