// Rate-limit budgets per key ("channel:123" for one account, "app:mastodon.social"
// for the whole instance), kept in this process's memory. Two sources feed a
// budget: what the network's response headers said (remaining, reset time,
// Retry-After), and an optional static budget (e.g. Bluesky's 5,000 points per
// hour) so Relais paces itself before any header has to tell it to.
//
// Waiting is bounded: a request that would wait longer than `maxWaitMs` fails
// with RateLimitedError and its `retryAt`, so a job can be rescheduled instead
// of holding a worker slot for an hour.
import { systemClock, type Clock } from './clock.ts';
import { readRateLimitHeaders, type HeaderSource } from './rate-limit-headers.ts';

export class RateLimitedError extends Error {
  /** The budget that is exhausted. */
  readonly key: string;
  /** Epoch ms from which the request may be tried again. */
  readonly retryAt: number;
  constructor(key: string, retryAt: number) {
    super(`rate limit "${key}" is exhausted until ${new Date(retryAt).toISOString()}`);
    this.name = 'RateLimitedError';
    this.key = key;
    this.retryAt = retryAt;
  }
}

/** At most `points` spent in any `windowMs` (a sliding window, so it holds whatever window the network counts in). */
export interface StaticBudget {
  points: number;
  windowMs: number;
}

export interface BudgetStatus {
  remaining: number;
  /** Epoch ms when (some of) the budget comes back; null when unknown. */
  resetAt: number | null;
}

export interface RateLimiterOptions {
  clock?: Clock;
  /** A budget counts as exhausted when `remaining` ≤ reserve (leave some for a person's manual action). Default 0. */
  reserve?: number;
  /** Longest `acquire` may wait before throwing RateLimitedError. Default 60 s. */
  maxWaitMs?: number;
  /** How long a budget stays exhausted when the network said so (429, remaining 0) without saying until when. Default 60 s. */
  fallbackCooldownMs?: number;
  /** Static budgets by key, e.g. `(key) => key.startsWith('bluesky:') ? { points: 5000, windowMs: 3_600_000 } : undefined`. */
  budgets?: Record<string, StaticBudget> | ((key: string) => StaticBudget | undefined);
}

export interface RateLimiter {
  /** Waits until every key has budget for `cost` (default 1), then spends it. Throws RateLimitedError past the max wait. */
  acquire(keys: string[], options?: { cost?: number; signal?: AbortSignal }): Promise<void>;
  /** Records what a response said about the budgets of `keys`. */
  update(keys: string[], headers: HeaderSource, status: number): void;
  /** What is known of a key's budget (the tighter of the learned and static ones), for "rate-limited until …". */
  status(key: string): BudgetStatus | null;
  /** Sets or removes a key's static budget at run time (e.g. when a Bluesky channel is connected). */
  setBudget(key: string, budget: StaticBudget | null): void;
}

/** What the network last said, lowered locally as requests are sent. */
interface LearnedBudget {
  remaining: number;
  /** Always set once the budget is exhausted; may be unknown before. */
  resetAt: number | null;
}

interface StaticUsage {
  budget: StaticBudget;
  /** Spending in time order; entries older than the window are dropped. */
  spent: Array<{ at: number; cost: number }>;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const reserve = options.reserve ?? 0;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const fallbackCooldownMs = options.fallbackCooldownMs ?? 60_000;
  const configured = options.budgets;
  const budgetFor = typeof configured === 'function' ? configured : (key: string) => configured?.[key];
  const learned = new Map<string, LearnedBudget>();
  const usage = new Map<string, StaticUsage>();
  const overrides = new Map<string, StaticBudget | null>();

  function learnedBudget(key: string, now: number): LearnedBudget | undefined {
    const state = learned.get(key);
    if (state && state.resetAt !== null && state.resetAt <= now) {
      learned.delete(key); // the window has reset: nothing is known until the next response
      return undefined;
    }
    return state;
  }

  function staticUsage(key: string, now: number): StaticUsage | undefined {
    const budget = overrides.has(key) ? overrides.get(key) : budgetFor(key);
    if (!budget) {
      usage.delete(key);
      return undefined;
    }
    let state = usage.get(key);
    if (!state || state.budget !== budget) {
      state = { budget, spent: state?.spent ?? [] };
      usage.set(key, state);
    }
    while (state.spent.length > 0 && state.spent[0].at <= now - budget.windowMs) state.spent.shift();
    return state;
  }

  /** Earliest time `cost` may be spent on `key`. */
  function readyAt(key: string, cost: number, now: number): number {
    let at = now;
    const state = learnedBudget(key, now);
    if (state && state.remaining <= reserve) at = Math.max(at, state.resetAt ?? now + fallbackCooldownMs);
    const use = staticUsage(key, now);
    if (use) {
      const { points, windowMs } = use.budget;
      if (cost > points) throw new RangeError(`a request costing ${cost} can never fit the budget of "${key}" (${points} points)`);
      let excess = spentIn(use) + cost - points;
      for (const entry of use.spent) {
        if (excess <= 0) break;
        excess -= entry.cost;
        at = Math.max(at, entry.at + windowMs);
      }
    }
    return at;
  }

  function spend(key: string, cost: number, now: number): void {
    const state = learnedBudget(key, now);
    if (state) {
      state.remaining = Math.max(0, state.remaining - cost);
      if (state.remaining <= reserve && state.resetAt === null) state.resetAt = now + fallbackCooldownMs;
    }
    staticUsage(key, now)?.spent.push({ at: now, cost });
  }

  return {
    async acquire(keys, { cost = 1, signal } = {}) {
      const unique = [...new Set(keys)];
      const deadline = clock.now() + maxWaitMs;
      for (;;) {
        signal?.throwIfAborted();
        const now = clock.now();
        let until = now;
        let blockingKey = '';
        for (const key of unique) {
          const at = readyAt(key, cost, now);
          if (at > until) [until, blockingKey] = [at, key];
        }
        if (until <= now) {
          for (const key of unique) spend(key, cost, now);
          return;
        }
        if (until > deadline) throw new RateLimitedError(blockingKey, until);
        // Sleep, then look again: other requests may have spent or refilled the budget meanwhile.
        await clock.sleep(until - now, signal);
      }
    },

    update(keys, headers, status) {
      const now = clock.now();
      const info = readRateLimitHeaders(headers, status, now);
      let remaining = info.remaining;
      let resetAt = info.resetAt !== null && info.resetAt > now ? info.resetAt : null;
      if (status === 429 || info.retryAfterAt !== null) {
        // The network refused (or asked for a pause): nothing is left until it says, or until a cautious default.
        remaining = 0;
        resetAt = Math.max(info.retryAfterAt ?? 0, resetAt ?? 0) || now + fallbackCooldownMs;
      }
      if (remaining === null) return;
      if (remaining <= reserve && resetAt === null) resetAt = now + fallbackCooldownMs;
      for (const key of new Set(keys)) learned.set(key, { remaining, resetAt });
    },

    status(key) {
      const now = clock.now();
      const candidates: BudgetStatus[] = [];
      const state = learnedBudget(key, now);
      if (state) candidates.push({ remaining: state.remaining, resetAt: state.resetAt });
      const use = staticUsage(key, now);
      if (use) candidates.push({ remaining: use.budget.points - spentIn(use), resetAt: use.spent.length > 0 ? use.spent[0].at + use.budget.windowMs : null });
      if (candidates.length === 0) return null;
      // The tighter budget is the one to show: the smaller remainder, or the later reset among equals.
      return candidates.reduce((a, b) => (b.remaining < a.remaining || (b.remaining === a.remaining && (b.resetAt ?? 0) > (a.resetAt ?? 0)) ? b : a));
    },

    setBudget(key, budget) {
      overrides.set(key, budget);
    },
  };
}

function spentIn(use: StaticUsage): number {
  return use.spent.reduce((total, entry) => total + entry.cost, 0);
}
