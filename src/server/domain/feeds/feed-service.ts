// What people do with feeds: preview one, subscribe, change, pause, resume,
// delete, check now. A feed is stored only once its address has answered with
// a readable feed (a bad address, an unreachable or private server, a page
// that is no feed: a translated error, nothing stored). Subscribing never
// floods the channels: the items already in the feed are marked seen without
// a post, unless the person asks for the latest one to go out now.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { FeedCheckResult, FeedPreview, FeedUpdate, feedInputSchema } from '../../../shared/feeds.ts';
import { unknownPlaceholders } from '../../../shared/feed-template.ts';
import type { z } from 'zod';
import { hostOf as hostOfUrl, type FeedFetcher, type Validators } from './feed-fetcher.ts';
import { latestEntry, type ParsedFeed } from './feed-parser.ts';
import type { FeedChecker } from './feed-checker.ts';
import { entryFields } from './feed-poster.ts';
import type { FeedRow, FeedStore } from './feed-store.ts';

export type FeedInputData = z.output<typeof feedInputSchema>;

/** Who subscribes: a member, or a workspace API key. */
export interface FeedCreator {
  userId: string | null;
  apiKeyId: string | null;
}

/** How long a person waits for a feed to answer (preview, subscribe, check now), retries included. */
const INTERACTIVE_BUDGET_MS = 30_000;

export class FeedService {
  private readonly db: Kysely<Database>;
  private readonly store: FeedStore;
  private readonly fetcher: FeedFetcher;
  private readonly checker: FeedChecker;
  private readonly now: () => number;

  constructor(deps: { db: Kysely<Database>; store: FeedStore; fetcher: FeedFetcher; checker: FeedChecker; now?: () => number }) {
    this.db = deps.db;
    this.store = deps.store;
    this.fetcher = deps.fetcher;
    this.checker = deps.checker;
    this.now = deps.now ?? Date.now;
  }

  /** Reads the feed at `url` without storing anything: its title and newest item, for the template preview. */
  async preview(url: string): Promise<FeedPreview> {
    const { feed, url: feedUrl } = await this.read(url);
    const latest = latestEntry(feed.entries);
    return {
      url: feedUrl,
      title: feed.title || hostOf(feedUrl),
      format: feed.format,
      itemCount: feed.entries.length,
      latest: latest ? { ...entryFields(latest), publishedAt: latest.publishedAt === null ? null : new Date(latest.publishedAt).toISOString() } : null,
    };
  }

  async subscribe(workspaceId: string, creator: FeedCreator, input: FeedInputData): Promise<{ feedId: string; check: FeedCheckResult | null }> {
    await this.checkSettings(workspaceId, input);
    const { feed, url, validators } = await this.read(input.url);
    if (await this.store.urlTaken(workspaceId, url)) throw new AppError(409, 'feed_exists');
    const now = this.now();
    const latest = input.postLatest ? latestEntry(feed.entries) : null;
    const row: FeedRow = {
      id: randomUUID(),
      workspace_id: workspaceId,
      url,
      title: (input.title || feed.title || hostOf(url)).slice(0, 200),
      channel_ids: JSON.stringify(input.channelIds),
      template: input.template,
      mode: input.mode,
      campaign_id: input.campaignId,
      active: 1,
      // The latest item, posted now, must not count as older than the subscription.
      cutoff_at: latest?.publishedAt != null ? Math.min(now, latest.publishedAt) : now,
      last_checked_at: now,
      next_check_at: now + 15 * 60_000,
      last_error: null,
      error_count: 0,
      etag: validators.etag,
      last_modified: validators.lastModified,
      created_by: creator.userId,
      created_by_key: creator.userId ? null : creator.apiKeyId,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('feed').values(row).execute();
      await this.store.markSeen(trx, row, feed.entries.filter((entry) => entry !== latest), 'skipped', now);
    });
    if (!latest) return { feedId: row.id, check: null };
    const outcome = await this.checker.process(row, [latest]);
    if (outcome.problem) await this.db.updateTable('feed').set({ last_error: JSON.stringify(outcome.problem) }).where('id', '=', row.id).execute();
    return { feedId: row.id, check: { outcome: 'checked', posted: outcome.posted, failed: outcome.failed } };
  }

  /**
   * Changes a feed. A new address is read first (and what it already holds is
   * marked seen, as for a new subscription); resuming a paused feed marks seen
   * what was published meanwhile, so a pause does not end in a burst of posts.
   */
  async update(workspaceId: string, feedId: string, change: FeedUpdate): Promise<void> {
    const row = await this.store.row(workspaceId, feedId);
    if (!row) throw notFound();
    const merged: FeedInputData = {
      url: change.url ?? row.url,
      title: change.title ?? row.title,
      channelIds: change.channelIds ?? (JSON.parse(row.channel_ids) as string[]),
      template: change.template ?? row.template,
      mode: change.mode ?? row.mode,
      campaignId: change.campaignId === undefined ? row.campaign_id : change.campaignId,
      postLatest: false,
    };
    await this.checkSettings(workspaceId, merged);
    const now = this.now();
    const newUrl = change.url !== undefined && change.url !== row.url;
    const resuming = change.active === true && !row.active;
    let baseline: { feed: ParsedFeed; url: string; validators: Validators } | null = null;
    if (newUrl) {
      baseline = await this.read(merged.url);
      if (baseline.url !== row.url && (await this.store.urlTaken(workspaceId, baseline.url, feedId))) throw new AppError(409, 'feed_exists');
    } else if (resuming) {
      // Best effort: a server down at this moment must not keep the feed paused; the cutoff still holds back older items.
      baseline = await this.read(row.url).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
    }
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('feed')
        .set({
          url: baseline?.url ?? merged.url,
          title: merged.title ?? row.title,
          channel_ids: JSON.stringify(merged.channelIds),
          template: merged.template,
          mode: merged.mode,
          campaign_id: merged.campaignId,
          active: change.active === undefined ? row.active : change.active ? 1 : 0,
          ...(newUrl || resuming
            ? { cutoff_at: now, etag: baseline?.validators.etag ?? null, last_modified: baseline?.validators.lastModified ?? null, error_count: 0, last_error: null, next_check_at: now + 15 * 60_000 }
            : {}),
          updated_at: now,
        })
        .where('id', '=', feedId)
        .where('workspace_id', '=', workspaceId)
        .execute();
      if (baseline) await this.store.markSeen(trx, row, baseline.feed.entries, 'skipped', now);
    });
  }

  async remove(workspaceId: string, feedId: string): Promise<void> {
    const deleted = await this.db.deleteFrom('feed').where('id', '=', feedId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw notFound();
  }

  /** "Check now": runs at once, whatever the schedule; a paused feed is not checked. */
  async checkNow(workspaceId: string, feedId: string): Promise<FeedCheckResult> {
    const row = await this.store.row(workspaceId, feedId);
    if (!row) throw notFound();
    if (!row.active) throw new AppError(409, 'feed_paused');
    return this.checker.check(row, AbortSignal.timeout(INTERACTIVE_BUDGET_MS));
  }

  private async read(input: string): Promise<{ feed: ParsedFeed; url: string; validators: Validators }> {
    const fetched = await this.fetcher.fetch(withScheme(input), undefined, AbortSignal.timeout(INTERACTIVE_BUDGET_MS));
    if (fetched.kind !== 'fetched') throw new AppError(422, 'feed_not_a_feed', { host: hostOf(input) });
    return fetched;
  }

  /** Channels and campaign of this workspace, a template Relais understands, queues with time slots. */
  private async checkSettings(workspaceId: string, input: Pick<FeedInputData, 'channelIds' | 'campaignId' | 'template' | 'mode'>): Promise<void> {
    const [unknown] = unknownPlaceholders(input.template);
    if (unknown) throw new AppError(400, 'feed_placeholder_unknown', { placeholder: unknown });
    const ids = [...new Set(input.channelIds)];
    const channels = ids.length === 0 ? [] : await this.db.selectFrom('channel').select(['id', 'handle']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    if (channels.length !== ids.length) throw new AppError(400, 'post_channel_unknown');
    if (input.campaignId) {
      const campaign = await this.db.selectFrom('campaign').select('id').where('id', '=', input.campaignId).where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!campaign) throw new AppError(400, 'campaign_not_found');
    }
    if (input.mode === 'queue') {
      for (const channel of channels) {
        const slot = await this.db.selectFrom('queue_slot').select('id').where('channel_id', '=', channel.id).where('workspace_id', '=', workspaceId).executeTakeFirst();
        if (!slot) throw new AppError(400, 'queue_no_slots', { channel: channel.handle });
      }
    }
  }
}

/** "example.com/feed" is what people type; https is assumed. */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

function hostOf(url: string): string {
  return hostOfUrl(withScheme(url));
}
