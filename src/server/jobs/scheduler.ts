// Cron entries: recurring jobs declared in code. Each entry's next slot lives
// in cron_entry.next_run_at; whichever scheduler advances it (compare-and-set)
// enqueues that slot's job in the same transaction, so any number of
// scheduler processes enqueue each slot exactly once.
import { CronExpressionParser } from 'cron-parser';
import type { AppDatabase } from '../db/database.ts';
import { describeError, silentLogger, type JobLogger } from './logger.ts';
import type { JobQueue } from './queue.ts';

export interface CronEntry {
  /** Stable identifier; renaming an entry starts a new schedule. */
  name: string;
  /** Five fields (minute precision) or six (leading seconds field). */
  cron: string;
  /** IANA zone the expression is read in (default UTC). */
  timeZone?: string;
  /** Name of the job to enqueue. */
  job: string;
  payload?: unknown;
}

export interface SchedulerOptions {
  /** How often due entries are looked for (default 1 s). */
  tickMs?: number;
  now?: () => number;
  logger?: JobLogger;
}

interface PreparedEntry extends CronEntry {
  /** What next_run_at was computed from; stored to notice a changed schedule. */
  schedule: string;
}

export class Scheduler {
  readonly #database: AppDatabase;
  readonly #queue: JobQueue;
  readonly #entries = new Map<string, PreparedEntry>();
  readonly #tickMs: number;
  readonly #now: () => number;
  readonly #logger: JobLogger;
  #started = false;
  #timer: NodeJS.Timeout | null = null;
  #ticking: Promise<unknown> = Promise.resolve();

  constructor(database: AppDatabase, queue: JobQueue, entries: CronEntry[], options: SchedulerOptions = {}) {
    this.#database = database;
    this.#queue = queue;
    this.#tickMs = options.tickMs ?? 1_000;
    this.#now = options.now ?? Date.now;
    this.#logger = options.logger ?? silentLogger;
    for (const entry of entries) {
      if (this.#entries.has(entry.name)) throw new Error(`cron entry "${entry.name}" is declared twice`);
      const prepared = { ...entry, schedule: `${entry.cron} ${entry.timeZone ?? 'UTC'}` };
      nextSlotAfter(prepared, Date.now()); // a bad expression or zone fails here, at start-up
      this.#entries.set(entry.name, prepared);
    }
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#register();
    this.#started = true;
    this.#scheduleTick();
  }

  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#ticking;
  }

  /** Enqueues the jobs of every due entry; returns how many this scheduler enqueued. start() calls it every tickMs. */
  async tick(): Promise<number> {
    if (this.#entries.size === 0) return 0;
    const now = this.#now();
    const due = await this.#database.db
      .selectFrom('cron_entry')
      .select(['name', 'schedule', 'next_run_at'])
      .where('name', 'in', [...this.#entries.keys()])
      .where('next_run_at', '<=', now)
      .execute();
    let enqueued = 0;
    for (const row of due) {
      const entry = this.#entries.get(row.name)!;
      // Another version of Relais (mid-deploy) declared this entry differently; it owns the row.
      if (row.schedule !== entry.schedule) continue;
      try {
        if (await this.#enqueueSlot(entry, Number(row.next_run_at), now)) enqueued += 1;
      } catch (error) {
        // The transaction rolled back: the slot stays due and the next tick tries again.
        this.#logger.error({ cron: entry.name, err: describeError(error) }, 'could not enqueue cron entry');
      }
    }
    return enqueued;
  }

  /** Advances the entry past `now` and enqueues its slot, unless another scheduler got there first. */
  async #enqueueSlot(entry: PreparedEntry, dueAt: number, now: number): Promise<boolean> {
    // After a downtime several slots may have passed: only the latest runs.
    // A digest missed for a week is sent once, not seven times.
    const slot = Math.max(dueAt, latestSlotAtOrBefore(entry, now));
    const next = nextSlotAfter(entry, now);
    const claimed = await this.#database.db.transaction().execute(async (trx) => {
      const advanced = await trx
        .updateTable('cron_entry')
        .set({ next_run_at: next, updated_at: now })
        .where('name', '=', entry.name)
        .where('next_run_at', '=', dueAt)
        .executeTakeFirst();
      if (Number(advanced.numUpdatedRows) !== 1) return false; // another scheduler took this slot
      await this.#queue.enqueueInTransaction(trx, entry.job, entry.payload ?? null, {
        runAt: slot,
        uniqueKey: `cron:${entry.name}:${slot}`,
      });
      return true;
    });
    if (claimed) this.#logger.debug({ cron: entry.name, job: entry.job, slot }, 'cron entry enqueued');
    return claimed;
  }

  /** Creates missing rows; a changed expression or zone recomputes the next slot. */
  async #register(): Promise<void> {
    const now = this.#now();
    const db = this.#database.db;
    for (const entry of this.#entries.values()) {
      const next = nextSlotAfter(entry, now);
      await db
        .insertInto('cron_entry')
        .values({ name: entry.name, schedule: entry.schedule, next_run_at: next, updated_at: now })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      await db
        .updateTable('cron_entry')
        .set({ schedule: entry.schedule, next_run_at: next, updated_at: now })
        .where('name', '=', entry.name)
        .where('schedule', '<>', entry.schedule)
        .execute();
    }
  }

  #scheduleTick(): void {
    this.#timer = setTimeout(() => {
      this.#ticking = this.tick()
        .catch((error) => this.#logger.error({ err: describeError(error) }, 'cron scheduler tick failed'))
        .finally(() => {
          if (this.#started) this.#scheduleTick();
        });
    }, this.#tickMs);
  }
}

function nextSlotAfter(entry: PreparedEntry, time: number): number {
  return CronExpressionParser.parse(entry.cron, { currentDate: time, tz: entry.timeZone ?? 'UTC' }).next().getTime();
}

function latestSlotAtOrBefore(entry: PreparedEntry, time: number): number {
  // prev() is strictly before its starting point; start one millisecond later to include `time`.
  return CronExpressionParser.parse(entry.cron, { currentDate: time + 1, tz: entry.timeZone ?? 'UTC' }).prev().getTime();
}
