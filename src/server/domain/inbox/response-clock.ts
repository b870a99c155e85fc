// Response times: when a first answer is due for a new item, and how long the
// first answer and the resolution took, counted within the workspace's
// business hours. Called by ingest (as a hook), by replies (first response)
// and by status changes (resolved / reopened), inside their transactions.
//
// WORK IN PROGRESS (lead): signatures fixed; business-hours arithmetic to come.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IngestHook, IngestedItem } from './ingest-hooks.ts';
import type { InboxDb } from './inbox-events.ts';

export class ResponseClock implements IngestHook {
  readonly #db: Kysely<Database>;
  readonly #now: () => number;

  constructor(deps: { db: Kysely<Database>; now?: () => number }) {
    this.#db = deps.db;
    this.#now = deps.now ?? Date.now;
  }

  async afterInsert(_trx: Transaction<Database>, _items: IngestedItem[]): Promise<void> {}

  /** The brand answered `itemId` at `at` (the reply reached the network); only the first answer counts. */
  async recordFirstResponse(db: InboxDb, workspaceId: string, itemId: number, at: number, userId: string | null): Promise<void> {
    await db
      .updateTable('inbox_item')
      .set({ first_response_at: at, first_response_by: userId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .where('first_response_at', 'is', null)
      .execute();
  }

  /** The item became done at `at`. */
  async recordResolved(db: InboxDb, workspaceId: string, itemId: number, at: number, userId: string | null): Promise<void> {
    await db
      .updateTable('inbox_item')
      .set({ resolved_at: at, resolved_by: userId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .execute();
  }

  /** The item left "done": its resolution no longer counts. */
  async recordReopened(db: InboxDb, workspaceId: string, itemId: number): Promise<void> {
    await db
      .updateTable('inbox_item')
      .set({ resolved_at: null, resolved_by: null, resolution_business_ms: null })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .execute();
  }

  get now(): number {
    return this.#now();
  }
}
