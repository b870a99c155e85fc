// Response times: when a first answer is due for a new item, and how long the
// first answer and the resolution took, counted within the workspace's
// opening hours (business-hours.ts). Called by ingest (as a hook), by replies
// (first response) and by status changes (resolved / reopened), inside their
// transactions.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IngestHook, IngestPlan, NewItem } from './ingest-hooks.ts';
import type { InboxDb } from './inbox-events.ts';
import { addBusinessMs, businessMsBetween } from './business-hours.ts';
import type { InboxSettingsStore } from './inbox-settings.ts';

const MINUTE = 60_000;

export class ResponseClock implements IngestHook {
  readonly #db: Kysely<Database>;
  readonly #settings: InboxSettingsStore;
  readonly #now: () => number;

  constructor(deps: { db: Kysely<Database>; settings: InboxSettingsStore; now?: () => number }) {
    this.#db = deps.db;
    this.#settings = deps.settings;
    this.#now = deps.now ?? Date.now;
  }

  /** When a first answer is due for items received at `receivedAt`: written with their rows. */
  async plan(trx: Transaction<Database>, workspaceId: string, items: NewItem[], receivedAt: number): Promise<IngestPlan> {
    const settings = await this.#settings.get(workspaceId, trx);
    const due = addBusinessMs(receivedAt, settings.firstResponseTargetMinutes * MINUTE, settings.businessHours, settings.timeZone);
    return { columns: items.map(() => ({ first_response_due_at: due })), inserted: async () => {} };
  }

  /** The brand answered `itemId` at `at` (the reply reached the network); only the first answer counts. */
  async recordFirstResponse(db: InboxDb, workspaceId: string, itemId: number, at: number, userId: string | null): Promise<void> {
    const item = await db.selectFrom('inbox_item').select(['received_at', 'first_response_at']).where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
    if (!item || item.first_response_at != null) return;
    const settings = await this.#settings.get(workspaceId, db);
    const businessMs = businessMsBetween(Number(item.received_at), at, settings.businessHours, settings.timeZone);
    await db
      .updateTable('inbox_item')
      .set({ first_response_at: at, first_response_by: userId, first_response_business_ms: businessMs })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .where('first_response_at', 'is', null)
      .execute();
  }

  /** The item became done at `at`. */
  async recordResolved(db: InboxDb, workspaceId: string, itemId: number, at: number, userId: string | null): Promise<void> {
    const item = await db.selectFrom('inbox_item').select(['received_at']).where('workspace_id', '=', workspaceId).where('id', '=', itemId).executeTakeFirst();
    if (!item) return;
    const settings = await this.#settings.get(workspaceId, db);
    const businessMs = businessMsBetween(Number(item.received_at), at, settings.businessHours, settings.timeZone);
    await db
      .updateTable('inbox_item')
      .set({ resolved_at: at, resolved_by: userId, resolution_business_ms: businessMs })
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

  /** Opening hours or the target changed: due times of items still waiting for a first answer follow. */
  async recomputeDue(workspaceId: string): Promise<number> {
    const settings = await this.#settings.get(workspaceId);
    const waiting = await this.#db
      .selectFrom('inbox_item')
      .select(['id', 'received_at'])
      .where('workspace_id', '=', workspaceId)
      .where('status', 'in', ['open', 'pending'])
      .where('first_response_at', 'is', null)
      .execute();
    const byReceived = new Map<number, number[]>();
    for (const row of waiting) byReceived.set(Number(row.received_at), [...(byReceived.get(Number(row.received_at)) ?? []), Number(row.id)]);
    await this.#db.transaction().execute(async (trx) => {
      for (const [receivedAt, ids] of byReceived) {
        const due = addBusinessMs(receivedAt, settings.firstResponseTargetMinutes * MINUTE, settings.businessHours, settings.timeZone);
        for (let index = 0; index < ids.length; index += 500) {
          await trx.updateTable('inbox_item').set({ first_response_due_at: due }).where('id', 'in', ids.slice(index, index + 500)).execute();
        }
      }
    });
    return waiting.length;
  }

  get now(): number {
    return this.#now();
  }
}
