// What runs on each batch of new items inside the transaction that inserts
// them: the response clock sets when a first answer is due, the rules tag,
// assign, prioritise, put aside. A hook decides before the rows exist, so that
// what it sets is written with the row itself (an update afterwards would write
// every index of the row a second time); what needs the items' ids (tags, the
// log of what a rule did, notices) comes once they are inserted.
import type { Transaction } from 'kysely';
import type { Database, InboxItemKindColumn } from '../../db/schema.ts';

/** A message about to become an item. */
export interface NewItem {
  workspaceId: string;
  channelId: string;
  kind: InboxItemKindColumn;
  text: string;
  language: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  authorId: string;
  authorHandle: string;
  authorFollowers: number | null;
  receivedAt: number;
  postId: string | null;
}

export interface IngestedItem extends NewItem {
  id: number;
}

/** Columns a hook may set on a new row. */
export interface HookColumns {
  first_response_due_at?: number;
  priority?: number;
  assignee_id?: string;
  status?: 'done';
  resolved_at?: number;
  resolved_by?: null;
  resolution_business_ms?: number;
  spam?: number;
}

export interface IngestPlan {
  /** Per new item, in the order given: the columns to write with its row. */
  columns: HookColumns[];
  /**
   * Once the rows are inserted (same transaction): each planned item with its id, or null when
   * another writer inserted it first (its row is not this batch's: nothing to do for it).
   */
  inserted(trx: Transaction<Database>, ids: Array<number | null>): Promise<void>;
}

export interface IngestHook {
  /** Called once per batch, all items of one workspace, in arrival order, inside the inserting transaction. */
  plan(trx: Transaction<Database>, workspaceId: string, items: NewItem[], receivedAt: number): Promise<IngestPlan>;
}
