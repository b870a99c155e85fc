// What runs on each new item inside the transaction that inserts it: the
// response clock sets when a first answer is due, the rules tag, assign or
// prioritise. Hooks see the item as inserted and may update it (and must log
// what they change with recordInboxEvents).
import type { Transaction } from 'kysely';
import type { Database, InboxItemKindColumn } from '../../db/schema.ts';

export interface IngestedItem {
  id: number;
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

export interface IngestHook {
  /** Column values for the batch's new rows, decided before they are inserted (received at `receivedAt`). */
  defaults?(trx: Transaction<Database>, workspaceId: string, receivedAt: number): Promise<{ first_response_due_at?: number }>;
  /** Called once per batch, in insertion order, inside the inserting transaction. */
  afterInsert(trx: Transaction<Database>, items: IngestedItem[]): Promise<void>;
}
