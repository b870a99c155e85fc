// A workspace's brand-voice rules: words to avoid (with what to say instead)
// and words every post must carry, optionally for some networks only.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { BrandRuleTable, Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../errors.ts';
import { foldTerm, type BrandRule } from '../../../shared/composer/brand-voice.ts';
import type { BrandRuleInput, BrandRuleView } from '../../../shared/composer/kit-types.ts';

type Row = Selectable<BrandRuleTable> & { created_by_name: string | null };

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const emptyToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

function toView(row: Row): BrandRuleView {
  return {
    id: row.id,
    kind: row.kind,
    term: row.term,
    suggestion: row.suggestion,
    note: row.note,
    networks: row.networks === null ? null : (JSON.parse(row.networks) as string[]),
    createdAt: iso(row.created_at),
    createdByName: row.created_by_name,
  };
}

/** Networks stored once each; an empty list means every network. */
function networksColumn(networks: string[] | null | undefined): string | null {
  if (!networks || networks.length === 0) return null;
  return JSON.stringify([...new Set(networks)].sort());
}

export class BrandRules {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  private select(workspaceId: string) {
    return this.db
      .selectFrom('brand_rule')
      .leftJoin('user', 'user.id', 'brand_rule.created_by')
      .selectAll('brand_rule')
      .select('user.name as created_by_name')
      .where('brand_rule.workspace_id', '=', workspaceId);
  }

  /** Forbidden terms first, each kind in alphabetical order. */
  async list(workspaceId: string): Promise<BrandRuleView[]> {
    const rows = await this.select(workspaceId).orderBy('brand_rule.kind').orderBy('brand_rule.term_key').execute();
    return rows.map(toView);
  }

  async get(workspaceId: string, id: string): Promise<BrandRuleView | null> {
    const row = await this.select(workspaceId).where('brand_rule.id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** The rules as checkBrandVoice takes them: what the server checks a post against when it is saved. */
  async rulesFor(workspaceId: string): Promise<BrandRule[]> {
    return (await this.list(workspaceId)).map(({ id, kind, term, suggestion, note, networks }) => ({ id, kind, term, suggestion, note, networks }));
  }

  async create(workspaceId: string, input: BrandRuleInput, createdBy: string | null): Promise<BrandRuleView> {
    const id = randomUUID();
    const term = input.term.trim();
    await this.write(input.kind, term, () =>
      this.db
        .insertInto('brand_rule')
        .values({
          id,
          workspace_id: workspaceId,
          kind: input.kind,
          term,
          term_key: foldTerm(term),
          // Only a word to avoid has something to say instead.
          suggestion: input.kind === 'forbidden' ? emptyToNull(input.suggestion) : null,
          note: emptyToNull(input.note),
          networks: networksColumn(input.networks),
          created_by: createdBy,
          created_at: Date.now(),
        })
        .execute(),
    );
    return (await this.get(workspaceId, id))!;
  }

  /** Changes the given fields; null when the workspace has no such rule. */
  async update(workspaceId: string, id: string, changes: Partial<BrandRuleInput>): Promise<BrandRuleView | null> {
    const current = await this.get(workspaceId, id);
    if (!current) return null;
    const kind = changes.kind ?? current.kind;
    const term = changes.term?.trim() ?? current.term;
    const suggestion = changes.suggestion !== undefined ? emptyToNull(changes.suggestion) : current.suggestion;
    await this.write(kind, term, () =>
      this.db
        .updateTable('brand_rule')
        .set({
          kind,
          term,
          term_key: foldTerm(term),
          suggestion: kind === 'forbidden' ? suggestion : null,
          note: changes.note !== undefined ? emptyToNull(changes.note) : current.note,
          networks: changes.networks !== undefined ? networksColumn(changes.networks) : networksColumn(current.networks),
        })
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .execute(),
    );
    return this.get(workspaceId, id);
  }

  /** Returns the deleted rule's term, or null when the workspace has no such rule. */
  async remove(workspaceId: string, id: string): Promise<string | null> {
    const row = await this.db.deleteFrom('brand_rule').where('id', '=', id).where('workspace_id', '=', workspaceId).returning('term').executeTakeFirst();
    return row?.term ?? null;
  }

  /** Runs a write; the same kind and term twice (in any case or accents) is a clear 409. */
  private async write(kind: BrandRuleInput['kind'], term: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, kind === 'forbidden' ? 'brand_rule_forbidden_exists' : 'brand_rule_required_exists', { term });
      throw error;
    }
  }
}
