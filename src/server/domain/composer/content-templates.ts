// Saved post templates: plain text with placeholders like {{first_name}} that
// the person fills in after picking one. Names are unique in a workspace.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ContentTemplateTable, Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../errors.ts';
import { pickLocale } from '../../../shared/locales.ts';
import type { ContentTemplate, ContentTemplateInput } from '../../../shared/composer/kit-types.ts';

type Row = Selectable<ContentTemplateTable> & { created_by_name: string | null };

const iso = (ms: number) => new Date(Number(ms)).toISOString();

function toView(row: Row): ContentTemplate {
  return {
    id: row.id,
    name: row.name,
    language: pickLocale(row.language),
    text: row.text,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export class ContentTemplates {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  private select(workspaceId: string) {
    return this.db
      .selectFrom('content_template')
      .leftJoin('user', 'user.id', 'content_template.created_by')
      .selectAll('content_template')
      .select('user.name as created_by_name')
      .where('content_template.workspace_id', '=', workspaceId);
  }

  async list(workspaceId: string): Promise<ContentTemplate[]> {
    const rows = await this.select(workspaceId).execute();
    return rows.map(toView).sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
  }

  async get(workspaceId: string, id: string): Promise<ContentTemplate | null> {
    const row = await this.select(workspaceId).where('content_template.id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async create(workspaceId: string, input: ContentTemplateInput, createdBy: string | null): Promise<ContentTemplate> {
    const id = randomUUID();
    const now = Date.now();
    await nameTaken(input.name, () =>
      this.db
        .insertInto('content_template')
        .values({ id, workspace_id: workspaceId, name: input.name, language: input.language, text: input.text, created_by: createdBy, created_at: now, updated_at: now })
        .execute(),
    );
    return (await this.get(workspaceId, id))!;
  }

  /** Null when the workspace has no such template. */
  async update(workspaceId: string, id: string, changes: Partial<ContentTemplateInput>): Promise<ContentTemplate | null> {
    if (!(await this.get(workspaceId, id))) return null;
    await nameTaken(changes.name ?? '', () =>
      this.db
        .updateTable('content_template')
        .set({ ...changes, updated_at: Date.now() })
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .execute(),
    );
    return this.get(workspaceId, id);
  }

  /** Returns the deleted template's name, or null when the workspace has no such template. */
  async remove(workspaceId: string, id: string): Promise<string | null> {
    const row = await this.db.deleteFrom('content_template').where('id', '=', id).where('workspace_id', '=', workspaceId).returning('name').executeTakeFirst();
    return row?.name ?? null;
  }
}

async function nameTaken(name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'template_name_taken', { name });
    throw error;
  }
}
