// Named sets of hashtags a team adds to posts in one go ("Salon 2025",
// "Recrutement"). Names are unique in a workspace; hashtags are kept with
// their leading #, once each (in any case), in the order given.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, HashtagGroupTable } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../errors.ts';
import { normalizeHashtag, type HashtagGroup, type HashtagGroupInput } from '../../../shared/composer/kit-types.ts';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

function toView(row: Selectable<HashtagGroupTable>): HashtagGroup {
  return { id: row.id, name: row.name, hashtags: JSON.parse(row.hashtags) as string[], createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

/** Hashtags with one leading #, once each; the route has checked that each is a hashtag. */
function hashtagsColumn(hashtags: string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const value of hashtags) {
    const tag = normalizeHashtag(value);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    kept.push(tag);
  }
  return JSON.stringify(kept);
}

export class HashtagGroups {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async list(workspaceId: string): Promise<HashtagGroup[]> {
    const rows = await this.db.selectFrom('hashtag_group').selectAll().where('workspace_id', '=', workspaceId).execute();
    return rows.map(toView).sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
  }

  async get(workspaceId: string, id: string): Promise<HashtagGroup | null> {
    const row = await this.db.selectFrom('hashtag_group').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async create(workspaceId: string, input: HashtagGroupInput): Promise<HashtagGroup> {
    const id = randomUUID();
    const now = Date.now();
    await nameTaken(input.name, () =>
      this.db
        .insertInto('hashtag_group')
        .values({ id, workspace_id: workspaceId, name: input.name, hashtags: hashtagsColumn(input.hashtags), created_at: now, updated_at: now })
        .execute(),
    );
    return (await this.get(workspaceId, id))!;
  }

  /** Null when the workspace has no such group. */
  async update(workspaceId: string, id: string, changes: Partial<HashtagGroupInput>): Promise<HashtagGroup | null> {
    if (!(await this.get(workspaceId, id))) return null;
    await nameTaken(changes.name ?? '', () =>
      this.db
        .updateTable('hashtag_group')
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.hashtags !== undefined ? { hashtags: hashtagsColumn(changes.hashtags) } : {}),
          updated_at: Date.now(),
        })
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .execute(),
    );
    return this.get(workspaceId, id);
  }

  /** Returns the deleted group's name, or null when the workspace has no such group. */
  async remove(workspaceId: string, id: string): Promise<string | null> {
    const row = await this.db.deleteFrom('hashtag_group').where('id', '=', id).where('workspace_id', '=', workspaceId).returning('name').executeTakeFirst();
    return row?.name ?? null;
  }
}

async function nameTaken(name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'hashtag_group_name_taken', { name });
    throw error;
  }
}
