// What a person's data looks like at a moment, to prove a refused request changed nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';

const businessTables = [
  'user',
  'account',
  'organization',
  'member',
  'invitation',
  'api_key',
  'instance_setting',
  'brand_rule',
  'dictionary_word',
  'content_template',
  'hashtag_group',
] as const;

/** `also`: more tables the refused request must not have touched (posts, their history, notifications…). */
export async function snapshot(db: Kysely<Database>, also: Array<keyof Database> = []): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of [...businessTables, ...also]) {
    const rows = await db.selectFrom(table).selectAll().execute();
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}
