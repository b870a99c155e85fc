// The inbox's live feed: open inboxes hear of every change (new items,
// replies, status…) within about half a second, whichever process made it,
// on either engine. One tail per process reads inbox_event by id for the
// workspaces someone is watching; each listener resumes from its own last id
// (the browser's Last-Event-ID after a reconnect), so nothing is missed.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { InboxLiveEvent } from '../../../shared/inbox.ts';

type Send = (event: InboxLiveEvent) => void;

interface Listener {
  workspaceId: string;
  after: number;
  send: Send;
}

const BATCH = 500;

export class InboxLiveFeed {
  readonly #db: Kysely<Database>;
  readonly #intervalMs: number;
  readonly #listeners = new Set<Listener>();
  #timer: NodeJS.Timeout | null = null;
  #running = false;

  constructor(db: Kysely<Database>, options: { intervalMs?: number } = {}) {
    this.#db = db;
    this.#intervalMs = options.intervalMs ?? 500;
  }

  /** The newest event id of a workspace (a listener without a resume point starts after it). */
  async latestId(workspaceId: string): Promise<number> {
    const row = await this.#db.selectFrom('inbox_event').select((eb) => eb.fn.max('id').as('id')).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** Calls `send` for each event of the workspace after `after`, until the returned function is called. */
  subscribe(workspaceId: string, after: number, send: Send): () => void {
    const listener: Listener = { workspaceId, after, send };
    this.#listeners.add(listener);
    this.#timer ??= setInterval(() => void this.#tick(), this.#intervalMs);
    void this.#tick();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    };
  }

  close(): void {
    this.#listeners.clear();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #tick(): Promise<void> {
    if (this.#running || this.#listeners.size === 0) return;
    this.#running = true;
    try {
      const byWorkspace = new Map<string, Listener[]>();
      for (const listener of this.#listeners) byWorkspace.set(listener.workspaceId, [...(byWorkspace.get(listener.workspaceId) ?? []), listener]);
      for (const [workspaceId, listeners] of byWorkspace) {
        const from = Math.min(...listeners.map((listener) => listener.after));
        const rows = await this.#db
          .selectFrom('inbox_event')
          .select(['id', 'item_id', 'action'])
          .where('workspace_id', '=', workspaceId)
          .where('id', '>', from)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        for (const row of rows) {
          const event: InboxLiveEvent = { id: Number(row.id), itemId: row.item_id == null ? null : Number(row.item_id), action: row.action };
          for (const listener of listeners) {
            if (event.id <= listener.after || !this.#listeners.has(listener)) continue;
            listener.after = event.id;
            try {
              listener.send(event);
            } catch {
              this.#listeners.delete(listener);
            }
          }
        }
      }
    } catch {
      // The database was busy or closing: the next tick tries again from the same ids.
    } finally {
      this.#running = false;
    }
  }
}
