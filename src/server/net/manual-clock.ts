// A clock that only moves when a test says so, for the rate limiter's tests.
import type { Clock } from './clock.ts';

export interface ManualClock extends Clock {
  /** Moves time forward, wakes the sleepers that are due and lets their continuations run. */
  advance(ms: number): Promise<void>;
  /** How many sleeps are pending (a test can check that nothing waited). */
  readonly sleeping: number;
}

export function createManualClock(start = Date.UTC(2030, 0, 1)): ManualClock {
  let now = start;
  const sleepers = new Set<{ wakeAt: number; wake: () => void }>();
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        signal?.throwIfAborted();
        const sleeper = { wakeAt: now + ms, wake: resolve };
        sleepers.add(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.delete(sleeper);
          reject(signal.reason);
        }, { once: true });
      });
    },
    async advance(ms) {
      now += ms;
      for (const sleeper of [...sleepers].filter((s) => s.wakeAt <= now)) {
        sleepers.delete(sleeper);
        sleeper.wake();
      }
      // Let woken waiters run (and perhaps go back to sleep) before the test looks.
      await new Promise((resolve) => setImmediate(resolve));
    },
    get sleeping() {
      return sleepers.size;
    },
  };
}
