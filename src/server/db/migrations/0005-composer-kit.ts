// The composer kit: brand-voice rules, the workspace's own dictionary words,
// saved templates and hashtag groups.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Words a workspace avoids (with what to say instead) or requires in every post.
  await db.schema
    .createTable('brand_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    // forbidden | required
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    // The term folded as matching sees it (case, accents, apostrophes): one rule per kind and term.
    .addColumn('term_key', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('note', 'text')
    // JSON list of networks, or null for every network.
    .addColumn('networks', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('brand_rule_term_unique', ['workspace_id', 'kind', 'term_key'])
    .execute();

  // Brand and product names the spell checker accepts in this workspace, as written; accepted in any case.
  await db.schema
    .createTable('dictionary_word')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('dictionary_word_pk', ['workspace_id', 'word'])
    .execute();

  await db.schema
    .createTable('content_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('content_template_name_unique', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('hashtag_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON list, each with its leading #.
    .addColumn('hashtags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('hashtag_group_name_unique', ['workspace_id', 'name'])
    .execute();
}
