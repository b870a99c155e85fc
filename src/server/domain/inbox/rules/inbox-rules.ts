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
import type { IngestHook, IngestedItem } from '../ingest-hooks.ts';
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
   * memory; the changes are then written grouped (one statement per kind of change and value).
   */
  async afterInsert(trx: Transaction<Database>, items: IngestedItem[]): Promise<void> {
    const byWorkspace = new Map<string, IngestedItem[]>();
    for (const item of items) byWorkspace.set(item.workspaceId, [...(byWorkspace.get(item.workspaceId) ?? []), item]);
    for (const [workspaceId, batch] of byWorkspace) {
      const rows = await trx.selectFrom('inbox_rule').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).orderBy('position').execute();
      if (rows.length === 0) continue;
      const rules = rows.map(compile);
      const now = this.#now();
      const events: InboxEventInput[] = [];
      const matched = new Map<string, number>();
      const tags: Array<{ item_id: number; workspace_id: string; tag: string }> = [];
      const tagged = new Set<string>();
      const assignees = new Map<number, string>();
      const priorities = new Map<number, number>();
      const done = new Set<number>();
      const spam = new Set<number>();
      const notices: RuleNotifyPayload[] = [];
      for (const item of batch) {
        for (const rule of rules) {
          if (!matches(rule, item)) continue;
          matched.set(rule.row.id, (matched.get(rule.row.id) ?? 0) + 1);
          const log = (action: string, detail: Record<string, unknown>) => events.push({ workspaceId, itemId: item.id, action, detail, actorRuleId: rule.row.id });
          for (const action of rule.actions) {
            switch (action.type) {
              case 'tag':
                if (tagged.has(`${item.id}\u0000${action.tag}`)) break;
                tagged.add(`${item.id}\u0000${action.tag}`);
                tags.push({ item_id: item.id, workspace_id: workspaceId, tag: action.tag });
                log('tag', { tag: action.tag });
                break;
              case 'assign': {
                const before = assignees.get(item.id) ?? null;
                if (before === action.userId) break;
                assignees.set(item.id, action.userId);
                log('assign', { before, after: action.userId });
                notices.push({ workspaceId, itemIds: [item.id], userIds: [action.userId], ruleName: rule.row.name, kind: 'assign' });
                break;
              }
              case 'priority':
                log('priority', { before: priorities.get(item.id) ?? 0, after: action.priority });
                priorities.set(item.id, action.priority);
                break;
              case 'markDone':
              case 'markSpam':
                if (item.sentiment === 'negative') {
                  log('rule_kept_visible', { action: action.type });
                  break;
                }
                if (action.type === 'markDone' && !done.has(item.id)) {
                  done.add(item.id);
                  log('status', { before: 'open', after: 'done' });
                } else if (action.type === 'markSpam' && !spam.has(item.id)) {
                  spam.add(item.id);
                  log('spam', { before: false, after: true });
                }
                break;
              case 'notify':
                notices.push({ workspaceId, itemIds: [item.id], userIds: action.userIds, ruleName: rule.row.name, kind: 'notify' });
                log('notify', { userIds: action.userIds });
                break;
            }
          }
        }
      }
      for (let index = 0; index < tags.length; index += 500) {
        await trx.insertInto('inbox_item_tag').values(tags.slice(index, index + 500)).onConflict((oc) => oc.doNothing()).execute();
      }
      for (const [userId, ids] of groupBy(assignees)) await trx.updateTable('inbox_item').set({ assignee_id: userId }).where('id', 'in', ids).execute();
      for (const [priority, ids] of groupBy(priorities)) await trx.updateTable('inbox_item').set({ priority }).where('id', 'in', ids).execute();
      // Received and resolved at the same instant: no business time between them.
      if (done.size > 0) await trx.updateTable('inbox_item').set({ status: 'done', resolved_at: now, resolved_by: null, resolution_business_ms: 0 }).where('id', 'in', [...done]).execute();
      if (spam.size > 0) await trx.updateTable('inbox_item').set({ spam: 1 }).where('id', 'in', [...spam]).execute();
      // A poll that brings thirty matching messages makes one notice per rule and person, not thirty e-mails.
      for (const notice of digest(notices)) await this.#notify(trx, notice);
      await recordInboxEvents(trx, events, now);
      for (const [ruleId, count] of matched) {
        await trx.updateTable('inbox_rule').set({ match_count: sql`match_count + ${count}`, last_matched_at: now }).where('id', '=', ruleId).execute();
      }
    }
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

/** Keys grouped by their value: one update per value. */
function groupBy<V>(values: Map<number, V>): Map<V, number[]> {
  const groups = new Map<V, number[]>();
  for (const [id, value] of values) groups.set(value, [...(groups.get(value) ?? []), id]);
  return groups;
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
