// Workspace API keys for the public API. The secret is shown once; only its
// SHA-256 is stored (a 256-bit random secret needs no slow hash).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isWorkspaceRole, type WorkspaceRole } from '../../../shared/roles.ts';
import type { ApiKey } from '../../../shared/api-types.ts';

export const apiKeyPrefix = 'rls_';

export type ApiKeySummary = ApiKey;

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const iso = (ms: number | null) => (ms == null ? null : new Date(Number(ms)).toISOString());

export class ApiKeys {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async create(input: { workspaceId: string; name: string; role: WorkspaceRole; createdBy: string }): Promise<{ apiKey: ApiKeySummary; secret: string }> {
    const id = randomUUID();
    const secret = `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
    const prefix = secret.slice(0, apiKeyPrefix.length + 6);
    const now = Date.now();
    await this.db
      .insertInto('api_key')
      .values({ id, workspace_id: input.workspaceId, name: input.name, prefix, key_hash: hash(secret), role: input.role, created_by: input.createdBy, created_at: now, last_used_at: null, revoked_at: null })
      .execute();
    const apiKey = (await this.list(input.workspaceId)).find((key) => key.id === id)!;
    return { apiKey, secret };
  }

  async list(workspaceId: string): Promise<ApiKeySummary[]> {
    const rows = await this.db
      .selectFrom('api_key')
      .leftJoin('user', 'user.id', 'api_key.created_by')
      .select(['api_key.id', 'api_key.name', 'api_key.prefix', 'api_key.role', 'api_key.created_at', 'api_key.last_used_at', 'user.name as created_by_name'])
      .where('api_key.workspace_id', '=', workspaceId)
      .where('api_key.revoked_at', 'is', null)
      .orderBy('api_key.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      role: row.role as WorkspaceRole,
      createdAt: iso(row.created_at)!,
      lastUsedAt: iso(row.last_used_at),
      createdByName: row.created_by_name ?? null,
    }));
  }

  /** Returns the revoked key's name, or null when the workspace has no such active key. */
  async revoke(workspaceId: string, id: string): Promise<string | null> {
    const key = await this.db.selectFrom('api_key').select('name').where('id', '=', id).where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null).executeTakeFirst();
    if (!key) return null;
    await this.db.updateTable('api_key').set({ revoked_at: Date.now() }).where('id', '=', id).execute();
    return key.name;
  }

  async authenticate(secret: string): Promise<{ id: string; workspaceId: string; role: WorkspaceRole; name: string } | null> {
    if (!secret.startsWith(apiKeyPrefix)) return null;
    const row = await this.db.selectFrom('api_key').selectAll().where('key_hash', '=', hash(secret)).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row || !isWorkspaceRole(row.role)) return null;
    const now = Date.now();
    // Record use at most once a minute: a busy integration must not write on every call.
    if (row.last_used_at == null || now - Number(row.last_used_at) > 60_000) {
      await this.db.updateTable('api_key').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return { id: row.id, workspaceId: row.workspace_id, role: row.role, name: row.name };
  }
}
