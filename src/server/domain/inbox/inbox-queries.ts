// The inbox as people read it: a view (open, mine, overdue…), filters, full
// text, newest first, 50 rows, keyset pages. Every query starts from the
// workspace and walks an index backwards by id; full text goes through FTS5
// on SQLite and the GIN index on PostgreSQL, with the person's words always
// passed as data, never as query syntax.
import { sql, type Expression, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, InboxEventTable, InboxReplyTable } from '../../db/schema.ts';
import { engineOf } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { InboxCounts, InboxEventView, InboxFilter, InboxItemDetail, InboxPage, NoteView, ReplyView } from '../../../shared/inbox.ts';
import { normalizeSearchText } from './search-text.ts';
import { findItemRow, loadItemViews, type ItemRow } from './item-views.ts';
import type { InboxDb } from './inbox-events.ts';

type ItemQuery = SelectQueryBuilder<Database, 'inbox_item', object>;

/** A count stops at this (the badge shows "999+"): counting a million open items on every refresh is not worth it. */
export const COUNT_CAP = 1000;
/** Matches the full-text index may list before a search walks the newest items instead (PostgreSQL). */
const SEARCH_CANDIDATES = 2000;

export class InboxQueries {
  readonly #db: Kysely<Database>;
  readonly #sqlite: boolean;
  readonly #now: () => number;

  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.#db = db;
    this.#sqlite = engineOf(db as never) === 'sqlite';
    this.#now = now;
  }

  async list(workspaceId: string, userId: string | null, filter: InboxFilter): Promise<InboxPage> {
    if (filter.q && !this.#sqlite) return this.#searchPostgres(workspaceId, userId, filter);
    return this.#list(this.#db, workspaceId, userId, filter);
  }

  /**
   * Full text on PostgreSQL, in two steps, because one plan cannot fit both kinds of words: the GIN
   * index alone lists the matches of rare words at once, while a word found in half the items is best
   * met walking the newest items backwards. First the index, capped: when it holds few matches, the
   * page is read among them; when it holds many, the page walks newest-first testing each row's vector.
   */
  async #searchPostgres(workspaceId: string, userId: string | null, filter: InboxFilter): Promise<InboxPage> {
    const match = this.#textMatch(filter.q!);
    return this.#db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      const found = await trx.selectFrom('inbox_item').select('id').where('workspace_id', '=', workspaceId).where(match).limit(SEARCH_CANDIDATES + 1).execute();
      await sql`SET LOCAL enable_indexscan = on`.execute(trx);
      if (found.length <= SEARCH_CANDIDATES) {
        const ids = found.map((row) => Number(row.id));
        return this.#list(trx, workspaceId, userId, { ...filter, q: undefined }, ids);
      }
      // Many matches: newest first through the (workspace, id) index, each row's stored vector tested.
      await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
      return this.#list(trx, workspaceId, userId, filter);
    });
  }

  async #list(db: InboxDb, workspaceId: string, userId: string | null, filter: InboxFilter, onlyIds?: number[]): Promise<InboxPage> {
    const now = this.#now();
    let query = this.#filtered(workspaceId, userId, filter, now, db);
    if (onlyIds) query = onlyIds.length === 0 ? query.where(sql<SqlBool>`1 = 0`) : query.where('id', 'in', onlyIds);
    const cursor = decodeCursor(filter.cursor);
    if (filter.sort === 'priority') {
      if (cursor) {
        const [priority, score, id] = cursor as [number, number, number];
        query = query.where((eb) =>
          eb.or([
            eb('priority', '<', priority),
            eb.and([eb('priority', '=', priority), eb('priority_score', '<', score)]),
            eb.and([eb('priority', '=', priority), eb('priority_score', '=', score), eb('id', '<', id)]),
          ]),
        );
      }
      query = query.orderBy('priority', 'desc').orderBy('priority_score', 'desc').orderBy('id', 'desc');
    } else if (filter.sort === 'oldest') {
      if (cursor) query = query.where('id', '>', cursor[0] as number);
      query = query.orderBy('id', 'asc');
    } else {
      if (cursor) query = query.where('id', '<', cursor[0] as number);
      query = query.orderBy('id', 'desc');
    }
    const rows = (await query.selectAll().limit(filter.limit + 1).execute()) as ItemRow[];
    const more = rows.length > filter.limit;
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const nextCursor = more && last ? encodeCursor(filter.sort === 'priority' ? [last.priority, last.priority_score, last.id] : [last.id]) : null;
    return { items: await loadItemViews(db, page, now), nextCursor };
  }

  async counts(workspaceId: string, userId: string | null): Promise<InboxCounts> {
    const now = this.#now();
    const count = async (view: InboxFilter['view']) => {
      const inner = this.#filtered(workspaceId, userId, { view, sort: 'newest', limit: 1 }, now).select('id').limit(COUNT_CAP);
      const row = await this.#db
        .selectFrom(inner.as('capped'))
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    };
    const [open, pending, mine, unassigned, overdue, snoozed, spam] = await Promise.all(
      (['open', 'pending', 'mine', 'unassigned', 'overdue', 'snoozed', 'spam'] as const).map(count),
    );
    return { open, pending, mine, unassigned, overdue, snoozed, spam };
  }

  async detail(workspaceId: string, itemId: number): Promise<InboxItemDetail> {
    const row = await findItemRow(this.#db, workspaceId, itemId);
    if (!row) throw new AppError(404, 'inbox_item_not_found');
    const [[item], notes, replies, history] = await Promise.all([loadItemViews(this.#db, [row], this.#now()), this.notes(workspaceId, itemId), this.replies(workspaceId, itemId), this.history(workspaceId, itemId)]);
    return { item, notes, replies, history };
  }

  async notes(workspaceId: string, itemId: number): Promise<NoteView[]> {
    const rows = await this.#db
      .selectFrom('inbox_note')
      .leftJoin('user', 'user.id', 'inbox_note.author_id')
      .select(['inbox_note.id', 'inbox_note.author_id', 'inbox_note.body', 'inbox_note.mentions', 'inbox_note.created_at', 'user.name as author_name'])
      .where('inbox_note.workspace_id', '=', workspaceId)
      .where('inbox_note.item_id', '=', itemId)
      .orderBy('inbox_note.created_at', 'asc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      authorId: row.author_id,
      authorName: row.author_name ?? '',
      body: row.body,
      mentions: JSON.parse(row.mentions) as string[],
      createdAt: new Date(Number(row.created_at)).toISOString(),
    }));
  }

  async replies(workspaceId: string, itemId: number): Promise<ReplyView[]> {
    const rows = await this.#db
      .selectFrom('inbox_reply')
      .leftJoin('user', 'user.id', 'inbox_reply.author_id')
      .selectAll('inbox_reply')
      .select('user.name as author_name')
      .where('inbox_reply.workspace_id', '=', workspaceId)
      .where('inbox_reply.item_id', '=', itemId)
      .orderBy('inbox_reply.created_at', 'asc')
      .execute();
    return rows.map((row) => replyView(row, row.author_name ?? null));
  }

  async history(workspaceId: string, itemId: number): Promise<InboxEventView[]> {
    const rows = await this.#db
      .selectFrom('inbox_event')
      .leftJoin('user', 'user.id', 'inbox_event.actor_user_id')
      .leftJoin('inbox_rule', 'inbox_rule.id', 'inbox_event.actor_rule_id')
      .selectAll('inbox_event')
      .select(['user.name as user_name', 'inbox_rule.name as rule_name'])
      .where('inbox_event.workspace_id', '=', workspaceId)
      .where('inbox_event.item_id', '=', itemId)
      .orderBy('inbox_event.id', 'asc')
      .limit(500)
      .execute();
    return rows.map((row) => eventView(row, row.user_name ?? null, row.rule_name ?? null));
  }

  /** The items of a view, with every filter applied; no order, no columns yet. */
  #filtered(workspaceId: string, userId: string | null, filter: Partial<InboxFilter> & Pick<InboxFilter, 'view'>, now: number, db: InboxDb = this.#db): ItemQuery {
    let query: ItemQuery = db.selectFrom('inbox_item').where('workspace_id', '=', workspaceId);
    const notSnoozed = (q: ItemQuery) => q.where('snoozed_until', 'is', null);
    switch (filter.view) {
      case 'open':
        query = notSnoozed(query.where('status', '=', 'open').where('spam', '=', 0));
        break;
      case 'pending':
        query = notSnoozed(query.where('status', '=', 'pending').where('spam', '=', 0));
        break;
      case 'done':
        query = query.where('status', '=', 'done').where('spam', '=', 0);
        break;
      case 'all':
        query = query.where('spam', '=', 0);
        break;
      case 'snoozed':
        query = query.where('snoozed_until', 'is not', null).where('spam', '=', 0);
        break;
      case 'spam':
        query = query.where('spam', '=', 1);
        break;
      case 'mine':
        query = notSnoozed(query.where('assignee_id', '=', userId ?? '').where('status', 'in', ['open', 'pending']).where('spam', '=', 0));
        break;
      case 'unassigned':
        query = notSnoozed(query.where('assignee_id', 'is', null).where('status', '=', 'open').where('spam', '=', 0));
        break;
      case 'overdue':
        query = query
          .where('status', 'in', ['open', 'pending'])
          .where('spam', '=', 0)
          .where('first_response_at', 'is', null)
          .where('first_response_due_at', '<', now);
        break;
    }
    if (filter.channel?.length) query = query.where('channel_id', 'in', filter.channel);
    if (filter.kind?.length) query = query.where('kind', 'in', filter.kind);
    if (filter.sentiment?.length) query = query.where('sentiment', 'in', filter.sentiment);
    if (filter.language?.length) query = query.where('language', 'in', filter.language);
    if (filter.priority?.length) query = query.where('priority', 'in', filter.priority);
    if (filter.author) query = query.where('author_id', '=', filter.author);
    if (filter.assignee?.length) {
      const ids = filter.assignee.filter((id) => id !== 'none');
      query = query.where((eb) => eb.or([...(ids.length ? [eb('assignee_id', 'in', ids)] : []), ...(filter.assignee!.includes('none') ? [eb('assignee_id', 'is', null)] : [])]));
    }
    if (filter.tag?.length) {
      const tags = filter.tag;
      query = query.where((eb) => eb.exists(eb.selectFrom('inbox_item_tag').select('inbox_item_tag.item_id').whereRef('inbox_item_tag.item_id', '=', 'inbox_item.id').where('inbox_item_tag.tag', 'in', tags)));
    }
    const from = filter.from ? dateBound(filter.from, 'from') : null;
    const to = filter.to ? dateBound(filter.to, 'to') : null;
    if (from !== null) query = query.where('received_at', '>=', from);
    if (to !== null) query = query.where('received_at', '<', to);
    if (filter.q) query = query.where(this.#textMatch(filter.q));
    return query;
  }

  /** Full text: every word (and "quoted phrase") must be there; `-word` must not. Accents and case ignored. */
  #textMatch(q: string): Expression<SqlBool> {
    const terms = parseSearch(q);
    if (terms.include.length === 0) return sql<SqlBool>`1 = 0`;
    if (this.#sqlite) {
      const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;
      const match = terms.include.map(quote).join(' AND ') + terms.exclude.map((term) => ` NOT ${quote(term)}`).join('');
      return sql<SqlBool>`inbox_item.id IN (SELECT rowid FROM inbox_item_fts WHERE inbox_item_fts MATCH ${match})`;
    }
    const phrase = (term: string) => sql`phraseto_tsquery('simple', ${term})`;
    let query = phrase(terms.include[0]);
    for (const term of terms.include.slice(1)) query = sql`(${query} && ${phrase(term)})`;
    for (const term of terms.exclude) query = sql`(${query} && !!${phrase(term)})`;
    return sql<SqlBool>`inbox_item.search_vector @@ ${query}`;
  }
}

/** Words and "phrases" to find, and -words to leave out, normalized as the index is. */
export function parseSearch(q: string): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  const pattern = /(-?)"([^"]*)"|(-?)(\S+)/gu;
  for (const match of normalizeSearchText(q).matchAll(pattern)) {
    const negative = (match[1] ?? match[3]) === '-';
    const raw = match[2] ?? match[4] ?? '';
    // Only letters and digits make words in both indexes; the rest separates them.
    const words = raw.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) continue;
    (negative ? exclude : include).push(words.join(' '));
  }
  return { include, exclude };
}

function dateBound(value: string, side: 'from' | 'to'): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms)) throw new AppError(400, 'inbox_filter_bad_date', { value });
  // "to" a day includes that whole day.
  return dateOnly && side === 'to' ? ms + 86_400_000 : ms;
}

function encodeCursor(values: number[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) return values as number[];
  } catch {
    // fall through
  }
  throw new AppError(400, 'inbox_bad_cursor');
}

const iso = (ms: number | null) => (ms == null ? null : new Date(Number(ms)).toISOString());

export function replyView(row: Selectable<InboxReplyTable>, authorName: string | null): ReplyView {
  return {
    id: row.id,
    itemId: Number(row.item_id),
    text: row.text,
    state: row.state,
    authorId: row.author_id,
    authorName,
    approvedBy: row.approved_by,
    reviewComment: row.review_comment,
    url: row.remote_url,
    failureMessage: row.failure_message,
    createdAt: iso(row.created_at)!,
    sentAt: iso(row.sent_at),
  };
}

const reversibleActions = new Set(['status', 'assign', 'tag', 'untag', 'priority', 'spam', 'snooze']);

export function eventView(row: Selectable<InboxEventTable>, userName: string | null, ruleName: string | null): InboxEventView {
  const actor: InboxEventView['actor'] = row.actor_rule_id
    ? { kind: 'rule', id: row.actor_rule_id, name: ruleName ?? '' }
    : row.actor_user_id
      ? { kind: 'user', id: row.actor_user_id, name: userName ?? '' }
      : { kind: 'system' };
  return {
    id: Number(row.id),
    itemId: row.item_id == null ? null : Number(row.item_id),
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    actor,
    reversible: reversibleActions.has(row.action) && row.reversed_at == null,
    reversedAt: iso(row.reversed_at),
    createdAt: iso(row.created_at)!,
  };
}
