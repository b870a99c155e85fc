// Inbox rules: conditions on a new item (words, a boolean query, channel,
// type, language, sentiment, author's reach) → actions (tag, assign, priority,
// mark done, mark spam, notify). They run in order on each new item, inside
// the transaction that inserts it; every change they make is logged with the
// rule as its author, and can be undone.
//
// Criticism is never put aside automatically: a rule that selects negative
// items cannot mark them done or spam (refused when saved), and no rule ever
// marks a negative item done or spam (the item stays open and the log says why).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, InboxRuleTable } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import type { InboxItemView, RuleAction, RuleConditions, RuleInput, RuleView } from '../../../../shared/inbox.ts';
import { recordInboxEvents, type InboxEventInput } from '../inbox-events.ts';
import type { HookColumns, IngestHook, IngestPlan, NewItem } from '../ingest-hooks.ts';
import { loadItemViews, type ItemRow } from '../item-views.ts';
import { matchesKeywords, matchesQuery, parseQuery, QueryError, textWords, type QueryNode } from './rule-query.ts';

export const ruleNotifyJob = 'inbox.rule-notify';
/** One notice per rule, kind and people for a whole batch (`itemId` alone: jobs queued by an earlier version). */
export type RuleNotifyPayload = { workspaceId: string; itemIds?: number[]; itemId?: number; userIds: string[]; ruleName: string; kind: 'notify' | 'assign' };

/** What a rule needs to know of an item. */
export interface RuleSubject {
  channelId: string;
  kind: string;
  text: string;
  language: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  authorFollowers: number | null;
}

interface CompiledRule {
  row: Selectable<InboxRuleTable>;
  conditions: RuleConditions;
  actions: RuleAction[];
  query: QueryNode | null;
}

export class InboxRules implements IngestHook {
  readonly #db: Kysely<Database>;
  readonly #queue: JobQueue;
  readonly #workers: (workspaceId: string) => Promise<string[]>;
  readonly #now: () => number;

  constructor(deps: { db: Kysely<Database>; queue: JobQueue; workers: (workspaceId: string) => Promise<string[]>; now?: () => number }) {
    this.#db = deps.db;
    this.#queue = deps.queue;
    this.#workers = deps.workers;
    this.#now = deps.now ?? Date.now;
  }

  async list(workspaceId: string): Promise<RuleView[]> {
    const rows = await this.#db.selectFrom('inbox_rule').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('created_at').execute();
    return rows.map(ruleView);
  }

  async create(workspaceId: string, userId: string | null, input: RuleInput): Promise<RuleView> {
    await this.#check(workspaceId, input);
    const now = this.#now();
    const last = await this.#db.selectFrom('inbox_rule').select((eb) => eb.fn.max('position').as('position')).where('workspace_id', '=', workspaceId).executeTakeFirst();
    const row = {
      id: randomUUID(),
      workspace_id: workspaceId,
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      position: Number(last?.position ?? -1) + 1,
      conditions: JSON.stringify(input.conditions),
      actions: JSON.stringify(input.actions),
      match_count: 0,
      last_matched_at: null,
      created_by: userId,
      created_at: now,
      updated_at: now,
    };
    await this.#db.insertInto('inbox_rule').values(row).execute();
    return ruleView(row);
  }

  async update(workspaceId: string, ruleId: string, input: RuleInput): Promise<RuleView> {
    await this.#check(workspaceId, input);
    const result = await this.#db
      .updateTable('inbox_rule')
      .set({ name: input.name, enabled: input.enabled ? 1 : 0, conditions: JSON.stringify(input.conditions), actions: JSON.stringify(input.actions), updated_at: this.#now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', ruleId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError(404, 'inbox_rule_not_found');
    return ruleView(await this.#db.selectFrom('inbox_rule').selectAll().where('id', '=', ruleId).executeTakeFirstOrThrow());
  }

  async remove(workspaceId: string, ruleId: string): Promise<void> {
    const result = await this.#db.deleteFrom('inbox_rule').where('workspace_id', '=', workspaceId).where('id', '=', ruleId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError(404, 'inbox_rule_not_found');
  }

  /** New order: every rule of the workspace, by id. */
  async reorder(workspaceId: string, ruleIds: string[]): Promise<RuleView[]> {
    const rules = await this.list(workspaceId);
    const known = new Set(rules.map((rule) => rule.id));
    if (ruleIds.length !== known.size || !ruleIds.every((id) => known.has(id))) throw new AppError(422, 'inbox_rule_not_found');
    await this.#db.transaction().execute(async (trx) => {
      for (const [position, id] of ruleIds.entries()) await trx.updateTable('inbox_rule').set({ position }).where('id', '=', id).where('workspace_id', '=', workspaceId).execute();
    });
    return this.list(workspaceId);
  }

  /** Which of the workspace's last 200 items the rule would match (nothing changes). */
  async dryRun(workspaceId: string, input: RuleInput): Promise<InboxItemView[]> {
    await this.#check(workspaceId, input);
    const compiled = compile({ conditions: JSON.stringify(input.conditions), actions: JSON.stringify(input.actions) } as Selectable<InboxRuleTable>);
    const rows = (await this.#db
      .selectFrom('inbox_item')
      .innerJoin('inbox_author', 'inbox_author.id', 'inbox_item.author_id')
      .selectAll('inbox_item')
      .select('inbox_author.followers as author_followers')
      .where('inbox_item.workspace_id', '=', workspaceId)
      .orderBy('inbox_item.id', 'desc')
      .limit(200)
      .execute()) as Array<ItemRow & { author_followers: number | null }>;
    const matching = rows.filter((row) =>
      matches(compiled, { channelId: row.channel_id, kind: row.kind, text: row.text, language: row.language, sentiment: row.sentiment, authorFollowers: row.author_followers }),
    );
    return loadItemViews(this.#db, matching, this.#now());
  }

  /** The changes a rule made, newest first. */
  async log(workspaceId: string, ruleId: string) {
    const rule = await this.#db.selectFrom('inbox_rule').select('id').where('workspace_id', '=', workspaceId).where('id', '=', ruleId).executeTakeFirst();
    if (!rule) throw new AppError(404, 'inbox_rule_not_found');
    return this.#db
      .selectFrom('inbox_event')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('actor_rule_id', '=', ruleId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  }

  /**
   * The ingest hook: each new item through the workspace's enabled rules, in order. Matching is in
   * memory, before the rows exist: what a rule sets on an item (assignee, priority, done, spam) is
   * written with its row; tags, the log and notices follow once the rows have their ids.
   */
  async plan(trx: Transaction<Database>, workspaceId: string, items: NewItem[]): Promise<IngestPlan> {
    const rows = await trx.selectFrom('inbox_rule').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).orderBy('position').execute();
    if (rows.length === 0) return { columns: items.map(() => ({})), inserted: async () => {} };
    const rules = rows.map(compile);
    const now = this.#now();
    const outcomes = items.map((item) => outcomeOf(rules, item, now));
    return {
      columns: outcomes.map((outcome) => outcome.columns),
      inserted: async (trx, ids) => {
        const events: InboxEventInput[] = [];
        const tags: Array<{ item_id: number; workspace_id: string; tag: string }> = [];
        const notices: RuleNotifyPayload[] = [];
        const matched = new Map<string, number>();
        for (const [index, outcome] of outcomes.entries()) {
          const itemId = ids[index];
          if (itemId == null) continue;
          for (const ruleId of outcome.matched) matched.set(ruleId, (matched.get(ruleId) ?? 0) + 1);
          for (const tag of outcome.tags) tags.push({ item_id: itemId, workspace_id: workspaceId, tag });
          for (const { ruleId, action, detail } of outcome.log) events.push({ workspaceId, itemId, action, detail, actorRuleId: ruleId });
          for (const notice of outcome.notices) notices.push({ workspaceId, itemIds: [itemId], ...notice });
        }
        for (let index = 0; index < tags.length; index += 500) {
          await trx.insertInto('inbox_item_tag').values(tags.slice(index, index + 500)).onConflict((oc) => oc.doNothing()).execute();
        }
        // A poll that brings thirty matching messages makes one notice per rule and person, not thirty e-mails.
        for (const notice of digest(notices)) await this.#notify(trx, notice);
        await recordInboxEvents(trx, events, now);
        for (const [ruleId, count] of matched) {
          await trx.updateTable('inbox_rule').set({ match_count: sql`match_count + ${count}`, last_matched_at: now }).where('id', '=', ruleId).execute();
        }
      },
    };
  }

  async #notify(trx: Transaction<Database>, payload: RuleNotifyPayload): Promise<void> {
    // A job, not an e-mail sent from inside the transaction: it exists only if the item does.
    await this.#queue.enqueueInTransaction(trx, ruleNotifyJob, payload, { workspaceId: payload.workspaceId });
  }

  async #check(workspaceId: string, input: RuleInput): Promise<void> {
    const { conditions, actions } = input;
    const hasCondition = Boolean(conditions.keywords?.length || conditions.query || conditions.channelIds?.length || conditions.kinds?.length || conditions.languages?.length || conditions.sentiments?.length || conditions.minFollowers);
    if (!hasCondition) throw new AppError(422, 'inbox_rule_no_condition');
    if (conditions.query) {
      try {
        parseQuery(conditions.query);
      } catch (error) {
        if (error instanceof QueryError) throw new AppError(422, 'inbox_rule_bad_query', { near: error.near, reason: error.message });
        throw error;
      }
    }
    const hides = actions.some((action) => action.type === 'markDone' || action.type === 'markSpam');
    if (hides && conditions.sentiments?.includes('negative')) throw new AppError(422, 'inbox_rule_hides_criticism');
    const people = actions.flatMap((action) => (action.type === 'assign' ? [action.userId] : action.type === 'notify' ? action.userIds : []));
    if (people.length > 0) {
      const workers = await this.#workers(workspaceId);
      if (people.some((id) => !workers.includes(id))) throw new AppError(422, 'inbox_rule_assignee_not_member');
    }
  }
}

/** What the rules do to one new item: columns written with its row, then tags, log entries and notices. */
interface RuleOutcome {
  columns: HookColumns;
  tags: string[];
  log: Array<{ ruleId: string; action: string; detail: Record<string, unknown> }>;
  notices: Array<Omit<RuleNotifyPayload, 'workspaceId' | 'itemIds'>>;
  matched: string[];
}

function outcomeOf(rules: CompiledRule[], item: NewItem, now: number): RuleOutcome {
  const outcome: RuleOutcome = { columns: {}, tags: [], log: [], notices: [], matched: [] };
  const { columns } = outcome;
  for (const rule of rules) {
    if (!matches(rule, item)) continue;
    outcome.matched.push(rule.row.id);
    const log = (action: string, detail: Record<string, unknown>) => outcome.log.push({ ruleId: rule.row.id, action, detail });
    for (const action of rule.actions) {
      switch (action.type) {
        case 'tag':
          if (outcome.tags.includes(action.tag)) break;
          outcome.tags.push(action.tag);
          log('tag', { tag: action.tag });
          break;
        case 'assign': {
          const before = columns.assignee_id ?? null;
          if (before === action.userId) break;
          columns.assignee_id = action.userId;
          log('assign', { before, after: action.userId });
          outcome.notices.push({ userIds: [action.userId], ruleName: rule.row.name, kind: 'assign' });
          break;
        }
        case 'priority':
          log('priority', { before: columns.priority ?? 0, after: action.priority });
          columns.priority = action.priority;
          break;
        case 'markDone':
        case 'markSpam':
          if (item.sentiment === 'negative') {
            log('rule_kept_visible', { action: action.type });
            break;
          }
          if (action.type === 'markDone' && columns.status !== 'done') {
            // Received and resolved at the same instant: no business time between them.
            Object.assign(columns, { status: 'done', resolved_at: now, resolved_by: null, resolution_business_ms: 0 });
            log('status', { before: 'open', after: 'done' });
          } else if (action.type === 'markSpam' && columns.spam !== 1) {
            columns.spam = 1;
            log('spam', { before: false, after: true });
          }
          break;
        case 'notify':
          outcome.notices.push({ userIds: action.userIds, ruleName: rule.row.name, kind: 'notify' });
          log('notify', { userIds: action.userIds });
          break;
      }
    }
  }
  return outcome;
}

function compile(row: Selectable<InboxRuleTable>): CompiledRule {
  const conditions = JSON.parse(row.conditions) as RuleConditions;
  let query: QueryNode | null;
  try {
    query = conditions.query ? parseQuery(conditions.query) : null;
  } catch {
    // Checked when saved; a rule that no longer parses matches nothing rather than everything.
    query = { type: 'or', children: [] };
  }
  return { row, conditions, actions: JSON.parse(row.actions) as RuleAction[], query };
}

export function matches(rule: Pick<CompiledRule, 'conditions' | 'query'>, item: RuleSubject): boolean {
  const c = rule.conditions;
  if (c.channelIds?.length && !c.channelIds.includes(item.channelId)) return false;
  if (c.kinds?.length && !c.kinds.includes(item.kind as never)) return false;
  if (c.languages?.length && !(item.language && c.languages.includes(item.language))) return false;
  if (c.sentiments?.length && !(item.sentiment && c.sentiments.includes(item.sentiment))) return false;
  if (c.minFollowers && (item.authorFollowers ?? 0) < c.minFollowers) return false;
  if (c.keywords?.length || rule.query) {
    const tokens = textWords(item.text);
    if (c.keywords?.length && !matchesKeywords(c.keywords, tokens)) return false;
    if (rule.query && !matchesQuery(rule.query, tokens)) return false;
  }
  return true;
}

function ruleView(row: Selectable<InboxRuleTable>): RuleView {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    position: row.position,
    conditions: JSON.parse(row.conditions) as RuleConditions,
    actions: JSON.parse(row.actions) as RuleAction[],
    matchCount: row.match_count,
    lastMatchedAt: row.last_matched_at == null ? null : new Date(Number(row.last_matched_at)).toISOString(),
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

/** Notices of one batch merged per rule, kind and people, their items in order. */
export function digest(notices: RuleNotifyPayload[]): RuleNotifyPayload[] {
  const merged = new Map<string, RuleNotifyPayload>();
  for (const notice of notices) {
    const key = JSON.stringify([notice.workspaceId, notice.ruleName, notice.kind, [...new Set(notice.userIds)].sort()]);
    const found = merged.get(key);
    if (found) found.itemIds = [...new Set([...found.itemIds!, ...notice.itemIds!])];
    else merged.set(key, { ...notice, itemIds: [...notice.itemIds!] });
  }
  return [...merged.values()];
}
