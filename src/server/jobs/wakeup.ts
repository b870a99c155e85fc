// In-process signal "a job was enqueued". Workers sharing the enqueuer's
// database handle wake at once instead of waiting for their poll timer; this
// is what makes SQLite fast. Other processes learn it from PostgreSQL NOTIFY.
import { EventEmitter } from 'node:events';

// Keyed by the Kysely instance: every copy of an AppDatabase shares it.
const buses = new WeakMap<object, EventEmitter>();

function busOf(handle: object): EventEmitter {
  let bus = buses.get(handle);
  if (!bus) {
    bus = new EventEmitter();
    bus.setMaxListeners(0);
    buses.set(handle, bus);
  }
  return bus;
}

export function announceJob(handle: object, runAt: number): void {
  buses.get(handle)?.emit('job', runAt);
}

/** Calls `listener(runAt)` for each job announced on this handle; returns the unsubscribe function. */
export function onJobAnnounced(handle: object, listener: (runAt: number) => void): () => void {
  const bus = busOf(handle);
  bus.on('job', listener);
  return () => bus.off('job', listener);
}

/**
 * The worker loop's alarm clock: sleeps until a deadline, or until woken by a
 * new job due before that deadline or by a freed slot. A wake-up that arrives
 * while the loop is busy is remembered, so it cannot be lost between a query
 * and the next sleep.
 */
export class Alarm {
  #pending = false;
  #sleeper: { until: number; wake: () => void } | null = null;

  /** `dueAt` given: only wake if that job is due before the current deadline. */
  ring(dueAt?: number): void {
    if (dueAt !== undefined && this.#sleeper && dueAt >= this.#sleeper.until) return;
    this.#pending = true;
    this.#sleeper?.wake();
  }

  /** Forget earlier rings: the caller is about to look at the database afresh. */
  reset(): void {
    this.#pending = false;
  }

  sleep(ms: number): Promise<void> {
    if (this.#pending || ms <= 0) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#sleeper = null;
        this.#pending = false;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#sleeper = { until: Date.now() + ms, wake };
    });
  }
}
