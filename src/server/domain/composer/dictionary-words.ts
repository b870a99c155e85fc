// The workspace's own words (brand, product and place names) that the spell
// checker accepts, in any case. Adding a word twice changes nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DictionaryWord } from '../../../shared/composer/kit-types.ts';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const sameWord = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class DictionaryWords {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async list(workspaceId: string): Promise<DictionaryWord[]> {
    const rows = await this.db.selectFrom('dictionary_word').select(['word', 'created_at']).where('workspace_id', '=', workspaceId).execute();
    return rows
      .map((row) => ({ word: row.word, createdAt: iso(row.created_at) }))
      .sort((a, b) => a.word.localeCompare(b.word, 'fr', { sensitivity: 'base' }));
  }

  /** Just the words, for the spell checker. */
  async words(workspaceId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('dictionary_word').select('word').where('workspace_id', '=', workspaceId).execute();
    return rows.map((row) => row.word);
  }

  /** Adds the word unless the workspace has it already (in any case); returns whether it was added. */
  async add(workspaceId: string, word: string): Promise<boolean> {
    const existing = await this.words(workspaceId);
    if (existing.some((known) => sameWord(known, word))) return false;
    const inserted = await this.db
      .insertInto('dictionary_word')
      .values({ workspace_id: workspaceId, word, created_at: Date.now() })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'word']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Removes the word in any case; returns whether the workspace had it. */
  async remove(workspaceId: string, word: string): Promise<boolean> {
    const stored = (await this.words(workspaceId)).filter((known) => sameWord(known, word));
    if (stored.length === 0) return false;
    await this.db.deleteFrom('dictionary_word').where('workspace_id', '=', workspaceId).where('word', 'in', stored).execute();
    return true;
  }
}
