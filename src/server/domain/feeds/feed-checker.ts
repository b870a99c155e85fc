// One check of one feed: a conditional GET, then a post for each item never
// seen before, oldest first. A feed is checked every quarter hour at most;
// after a failed fetch the next check waits twice as long each time (up to a
// day). Nothing floods: at most a few posts per check (the rest come with the
// next checks), and items dated well before the subscription are never posted
// (a feed that changes its GUIDs would otherwise re-post its archive).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { FeedCheckResult } from '../../../shared/feeds.ts';
import type { FeedFetcher } from './feed-fetcher.ts';
import { guidKeyOf, newestFirst, type FeedEntry } from './feed-parser.ts';
import type { FeedPoster } from './feed-poster.ts';
import type { FeedRow, FeedStore, StoredProblem } from './feed-store.ts';

export const CHECK_INTERVAL_MS = 15 * 60_000;
const MAX_BACKOFF_MS = 24 * 3_600_000;
/** Posts one check writes at most; further new items wait for the next check. */
export const MAX_POSTS_PER_CHECK = 5;
/** Checks that try again an item that could not be posted (a full queue, a disconnected channel…). */
export const MAX_ITEM_ATTEMPTS = 8;
/** Slack on the subscription date: an item dated just before it (clocks, time zones) still counts as new. */
const CUTOFF_SLACK_MS = 24 * 3_600_000;

export class FeedChecker {
  private readonly db: Kysely<Database>;
  private readonly store: FeedStore;
  private readonly fetcher: FeedFetcher;
  private readonly poster: FeedPoster;
  private readonly now: () => number;

  constructor(deps: { db: Kysely<Database>; store: FeedStore; fetcher: FeedFetcher; poster: FeedPoster; now?: () => number }) {
    this.db = deps.db;
    this.store = deps.store;
    this.fetcher = deps.fetcher;
    this.poster = deps.poster;
    this.now = deps.now ?? Date.now;
  }

  /** Fetches the feed and posts what is new. Problems are recorded on the feed, not thrown. */
  async check(feed: FeedRow, signal?: AbortSignal): Promise<FeedCheckResult> {
    // An item waiting to be tried again needs the document even if it has not changed.
    const retrying = await this.store.hasRetryableFailures(feed.id, MAX_ITEM_ATTEMPTS);
    const validators = retrying ? { etag: null, lastModified: null } : { etag: feed.etag, lastModified: feed.last_modified };
    let fetched;
    try {
      fetched = await this.fetcher.fetch(feed.url, validators, signal);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await this.recordFetchFailure(feed, { code: error.code, params: error.params });
      return { outcome: 'failed', posted: 0, failed: 0 };
    }
    const now = this.now();
    if (fetched.kind === 'not_modified') {
      await this.db.updateTable('feed').set({ last_checked_at: now, next_check_at: now + CHECK_INTERVAL_MS, error_count: 0, last_error: null }).where('id', '=', feed.id).execute();
      return { outcome: 'not_modified', posted: 0, failed: 0 };
    }
    const result = await this.process(feed, fetched.feed.entries);
    await this.db
      .updateTable('feed')
      .set({
        etag: fetched.validators.etag,
        last_modified: fetched.validators.lastModified,
        last_checked_at: now,
        next_check_at: now + CHECK_INTERVAL_MS,
        error_count: 0,
        last_error: result.problem ? JSON.stringify(result.problem) : null,
      })
      .where('id', '=', feed.id)
      .execute();
    return { outcome: 'checked', posted: result.posted, failed: result.failed };
  }

  /** Posts the entries the feed has never seen (or could not post yet), oldest first. */
  async process(feed: FeedRow, entries: FeedEntry[]): Promise<{ posted: number; failed: number; problem: StoredProblem | null }> {
    const known = await this.store.known(feed.id, entries.map(guidKeyOf));
    const due = entries
      .filter((entry) => {
        const seen = known.get(guidKeyOf(entry));
        return !seen || (seen.status === 'failed' && seen.attempts < MAX_ITEM_ATTEMPTS);
      })
      .sort((a, b) => newestFirst(b, a));
    const outcome = { posted: 0, failed: 0, problem: null as StoredProblem | null };
    const cutoff = Number(feed.cutoff_at) - CUTOFF_SLACK_MS;
    let attempts = 0;
    for (const entry of due) {
      if (entry.publishedAt !== null && entry.publishedAt < cutoff) {
        await this.store.markSeen(this.db, feed, [entry], 'skipped_old', this.now());
        continue;
      }
      if (attempts === MAX_POSTS_PER_CHECK) break;
      attempts += 1;
      try {
        if ((await this.poster.post(feed, entry)) === 'posted') outcome.posted += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const problem = { code: error.code, params: error.params };
        await this.store.recordFailure(feed, entry, problem, this.now());
        outcome.failed += 1;
        outcome.problem = problem;
      }
    }
    return outcome;
  }

  private async recordFetchFailure(feed: FeedRow, problem: StoredProblem): Promise<void> {
    const now = this.now();
    const errors = Number(feed.error_count) + 1;
    const wait = Math.min(CHECK_INTERVAL_MS * 2 ** errors, MAX_BACKOFF_MS);
    await this.db
      .updateTable('feed')
      .set({ last_checked_at: now, next_check_at: now + wait, error_count: errors, last_error: JSON.stringify(problem) })
      .where('id', '=', feed.id)
      .execute();
  }
}
