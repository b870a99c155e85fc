// Items as the API shows them: one query for the rows with their authors, one
// for their tags, one each for note and reply counts — never one per item.
import type { Selectable } from 'kysely';
import type { InboxAuthorTable, InboxItemTable } from '../../db/schema.ts';
import type { InboxAuthorView, InboxItemView, Priority } from '../../../shared/inbox.ts';
import type { InboxDb } from './inbox-events.ts';

export type ItemRow = Selectable<InboxItemTable>;
export type AuthorRow = Selectable<InboxAuthorTable>;

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export function authorView(row: AuthorRow): InboxAuthorView {
  return {
    id: row.id,
    network: row.network,
    handle: row.handle,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    url: row.url,
    followers: row.followers,
    tags: parseTags(row.tags),
  };
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Open, not yet answered, and past the time a first answer was due. */
export function isOverdue(row: Pick<ItemRow, 'status' | 'first_response_at' | 'first_response_due_at' | 'spam'>, now: number): boolean {
  return row.status !== 'done' && row.spam === 0 && row.first_response_at == null && row.first_response_due_at != null && row.first_response_due_at < now;
}

/** Views of `rows` (already scoped to one workspace), in the same order. */
export async function loadItemViews(db: InboxDb, rows: ItemRow[], now: number = Date.now()): Promise<InboxItemView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const authorIds = [...new Set(rows.map((row) => row.author_id))];
  const [authors, tags, notes, replies] = await Promise.all([
    db.selectFrom('inbox_author').selectAll().where('id', 'in', authorIds).execute(),
    db.selectFrom('inbox_item_tag').select(['item_id', 'tag']).where('item_id', 'in', ids).orderBy('tag').execute(),
    db
      .selectFrom('inbox_note')
      .select(['item_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('item_id', 'in', ids)
      .groupBy('item_id')
      .execute(),
    db
      .selectFrom('inbox_reply')
      .select(['item_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('item_id', 'in', ids)
      .where('state', 'not in', ['rejected'])
      .groupBy('item_id')
      .execute(),
  ]);
  const authorById = new Map(authors.map((author) => [author.id, authorView(author)]));
  const tagsByItem = new Map<number, string[]>();
  for (const { item_id, tag } of tags) tagsByItem.set(Number(item_id), [...(tagsByItem.get(Number(item_id)) ?? []), tag]);
  const noteCount = new Map(notes.map((row) => [Number(row.item_id), Number(row.count)]));
  const replyCount = new Map(replies.map((row) => [Number(row.item_id), Number(row.count)]));
  return rows.map((row) => itemView(row, authorById.get(row.author_id)!, tagsByItem.get(row.id) ?? [], noteCount.get(row.id) ?? 0, replyCount.get(row.id) ?? 0, now));
}

export function itemView(row: ItemRow, author: InboxAuthorView, tags: string[], noteCount: number, replyCount: number, now: number): InboxItemView {
  return {
    id: row.id,
    channelId: row.channel_id,
    kind: row.kind,
    conversationId: row.conversation_id,
    author,
    text: row.text,
    url: row.remote_url,
    language: row.language,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    priority: row.priority as Priority,
    priorityScore: row.priority_score,
    status: row.status,
    spam: row.spam === 1,
    assigneeId: row.assignee_id,
    snoozedUntil: iso(row.snoozed_until),
    tags,
    postId: row.post_id,
    createdAt: iso(row.remote_created_at)!,
    receivedAt: iso(row.received_at)!,
    firstResponseDueAt: iso(row.first_response_due_at),
    firstResponseAt: iso(row.first_response_at),
    resolvedAt: iso(row.resolved_at),
    overdue: isOverdue(row, now),
    liked: row.liked_at != null,
    noteCount,
    replyCount,
  };
}

/** One item of a workspace, or undefined (another workspace's item is "not found", never "forbidden"). */
export async function findItemRow(db: InboxDb, workspaceId: string, itemId: number): Promise<ItemRow | undefined> {
  return db.selectFrom('inbox_item').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
}
