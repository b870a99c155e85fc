// Saved replies: the team's shared answers, in French and in English, with
// variables filled from the message ({{name}}, {{handle}} …).
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SavedReplyTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { savedReplyVariables, type SavedReplyInput, type SavedReplyView } from '../../../shared/inbox.ts';
import { unknownVariables } from '../../../shared/saved-reply-render.ts';

export class SavedReplies {
  readonly #db: Kysely<Database>;
  readonly #now: () => number;

  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async list(workspaceId: string, language?: 'fr' | 'en'): Promise<SavedReplyView[]> {
    let query = this.#db.selectFrom('saved_reply').selectAll().where('workspace_id', '=', workspaceId);
    if (language) query = query.where('language', '=', language);
    const rows = await query.orderBy('language').orderBy('title').execute();
    return rows.map(view);
  }

  async create(workspaceId: string, userId: string | null, input: SavedReplyInput): Promise<SavedReplyView> {
    check(input.body);
    const now = this.#now();
    const row = { id: randomUUID(), workspace_id: workspaceId, title: input.title, language: input.language, body: input.body, use_count: 0, created_by: userId, created_at: now, updated_at: now };
    await this.#db.insertInto('saved_reply').values(row).execute();
    return view(row);
  }

  async update(workspaceId: string, id: string, input: SavedReplyInput): Promise<SavedReplyView> {
    check(input.body);
    const result = await this.#db
      .updateTable('saved_reply')
      .set({ title: input.title, language: input.language, body: input.body, updated_at: this.#now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError(404, 'saved_reply_not_found');
    const row = await this.#db.selectFrom('saved_reply').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return view(row);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.#db.deleteFrom('saved_reply').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError(404, 'saved_reply_not_found');
  }
}

function check(body: string): void {
  const [unknown] = unknownVariables(body);
  if (unknown) throw new AppError(422, 'saved_reply_unknown_variable', { variable: `{{${unknown}}}`, available: savedReplyVariables.map((name) => `{{${name}}}`).join(', ') });
}

function view(row: Selectable<SavedReplyTable>): SavedReplyView {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    body: row.body,
    useCount: row.use_count,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
