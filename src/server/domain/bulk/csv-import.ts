// Importing posts from a CSV: a dry run that checks every line and writes
// nothing, and an import that runs the same checks and then creates every post
// in one go — or none. A line is checked by what it says (csv-rows.ts: dates,
// channels, campaign, content per channel, media URLs) and, when that finds
// nothing, by the planner itself (the same code that saves a post), so a clean
// dry run means the import will be accepted.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ConnectorManifest } from '../../connectors/contract.ts';
import { AppError } from '../../errors.ts';
import type { Schedule } from '../../../shared/publishing.ts';
import type { MediaLibrary } from '../media/media-library.ts';
import type { PostService, PublishingActor, SavePostInput } from '../publishing/post-service.ts';
import type { TargetPlanner } from '../publishing/target-plan.ts';
import { toZonedIso } from '../publishing/schedule-time.ts';
import { readCsv } from './csv-reader.ts';
import { problem, sortProblems, type CsvProblem } from './csv-problems.ts';
import { readRow, rowContent, type ChannelRef, type RowContext, type RowPost } from './csv-rows.ts';
import type { MediaUrlSource, UrlVerdict } from './media-urls.ts';

/** One line as it will be imported, for the report's table. */
export interface CsvRowPreview {
  line: number;
  /** The instant, with the workspace zone's offset; null for a draft without a date. */
  at: string | null;
  /** What each of its channels' copies becomes. */
  state: 'draft' | 'scheduled' | 'pending_approval';
  channels: string[];
  text: string;
  firstReply: string | null;
  mediaCount: number;
  campaign: string | null;
}

export interface CsvReport {
  timeZone: string;
  rows: CsvRowPreview[];
  problems: CsvProblem[];
}

export interface CsvImportResult extends CsvReport {
  /** The posts made, in the file's order; null when nothing was imported. */
  created: string[] | null;
}

interface CheckedFile extends CsvReport {
  posts: RowPost[];
}

/** Downloads at once during an import: enough to overlap slow servers, few enough to be polite. */
const downloadConcurrency = 4;
/** Lines the planner checks at once during a dry run. */
const plannerConcurrency = 8;
const previewTextLength = 280;

export class CsvImporter {
  private readonly db: Kysely<Database>;
  private readonly planner: TargetPlanner;
  private readonly posts: PostService;
  private readonly media: MediaLibrary;
  private readonly mediaUrls: MediaUrlSource;
  private readonly manifest: (network: string) => ConnectorManifest | null;
  private readonly baseUrl: string;
  private readonly now: () => number;

  constructor(deps: {
    db: Kysely<Database>;
    planner: TargetPlanner;
    posts: PostService;
    media: MediaLibrary;
    mediaUrls: MediaUrlSource;
    manifest: (network: string) => ConnectorManifest | null;
    /** Relais' public URL: an exported file's media URLs point at its own library. */
    baseUrl: string;
    now?: () => number;
  }) {
    this.db = deps.db;
    this.planner = deps.planner;
    this.posts = deps.posts;
    this.media = deps.media;
    this.mediaUrls = deps.mediaUrls;
    this.manifest = deps.manifest;
    this.baseUrl = deps.baseUrl;
    this.now = deps.now ?? Date.now;
  }

  /** Every problem of every line; nothing is written, nothing is downloaded. */
  async dryRun(workspaceId: string, actor: PublishingActor, csv: string): Promise<CsvReport> {
    const { posts: _posts, ...report } = await this.check(workspaceId, actor, csv);
    return report;
  }

  /** Imports every line, or none: a file with any problem, or a media that cannot be had, imports nothing. */
  async import(workspaceId: string, actor: PublishingActor, csv: string): Promise<CsvImportResult> {
    const checked = await this.check(workspaceId, actor, csv);
    const { posts, ...report } = checked;
    if (report.problems.length > 0) return { ...report, created: null };

    const uploaded: string[] = [];
    const undo = async () => {
      for (const id of uploaded) await this.media.remove(workspaceId, id).catch(() => undefined);
    };
    const fetched = await this.downloadAll(workspaceId, actor, posts, uploaded);
    if ('problem' in fetched) {
      await undo();
      return { ...report, problems: [fetched.problem], created: null };
    }
    const inputs: SavePostInput[] = posts.map((post) => ({
      content: rowContent(post, (item) => item.ownId ?? fetched.ids.get(item.url)!),
      channels: post.channels.map((channel) => ({ channelId: channel.id, content: null })),
      schedule: scheduleOf(post),
      campaignId: post.campaign?.id ?? null,
      source: 'csv',
    }));
    try {
      const created = await this.posts.createAll(workspaceId, actor, inputs);
      return { ...report, created };
    } catch (error) {
      await undo();
      // Something changed since the check (a channel removed, a campaign deleted): nothing was written.
      if (error instanceof AppError) return { ...report, problems: [problem(null, null, error.code, error.params)], created: null };
      throw error;
    }
  }

  private async check(workspaceId: string, actor: PublishingActor, csv: string): Promise<CheckedFile> {
    const file = readCsv(csv);
    const settings = await this.planner.workspaceSettings(workspaceId);
    const empty = { timeZone: settings.timeZone, rows: [], posts: [] };
    // A file whose header or size is wrong is not read line by line: every line would say the same.
    if (file.problems.some((p) => p.line === null || p.line === 1) || file.rows.length === 0) return { ...empty, problems: sortProblems(file.problems) };

    const context = await this.context(workspaceId, settings, file.delimiter, file.rows.flatMap((row) => (row.cells.media_url ?? '').split(/[\s|]+/)).filter(Boolean));
    const problems: CsvProblem[] = [...file.problems];
    const posts: RowPost[] = [];
    const clean: RowPost[] = [];
    const urlVerdicts = new Map<string, Promise<UrlVerdict | null>>();
    for (const row of file.rows) {
      const read = readRow(row, context);
      for (const item of read.post.media) {
        if (item.ownId) continue;
        if (!urlVerdicts.has(item.url)) urlVerdicts.set(item.url, this.mediaUrls.check(item.url));
        const verdict = await urlVerdicts.get(item.url)!;
        if (verdict) read.problems.push(problem(row.line, 'media_url', verdict.code, verdict.params));
      }
      if (read.problems.length === 0) clean.push(read.post);
      problems.push(...read.problems);
      posts.push(read.post);
    }
    // The planner reads the database for each line: a few lines at once keep a 1,000-line file quick on PostgreSQL.
    await eachAtOnce(clean, plannerConcurrency, async (post) => {
      problems.push(...(await this.plannerProblems(workspaceId, actor, post)));
    });
    const rows = posts.map((post) => preview(post, actor, settings.timeZone));
    return { timeZone: settings.timeZone, rows, problems: sortProblems(problems), posts };
  }

  /** The planner's own verdict on a line the row checks found clean (media still to download left out). */
  private async plannerProblems(workspaceId: string, actor: PublishingActor, post: RowPost): Promise<CsvProblem[]> {
    const content = rowContent({ ...post, media: post.media.filter((item) => item.ownId) }, (item) => item.ownId!);
    try {
      await this.planner.plan({ workspaceId, content, channels: post.channels.map((c) => ({ channelId: c.id, content: null })), schedule: scheduleOf(post), canPublish: actor.canPublish });
      return [];
    } catch (error) {
      if (error instanceof AppError) return [problem(post.line, null, error.code, error.params)];
      throw error;
    }
  }

  private async context(workspaceId: string, settings: { timeZone: string; requireAltText: boolean; shortLinkBaseUrl: string | null }, delimiter: RowContext['delimiter'], urls: string[]): Promise<RowContext> {
    const channels = await this.db.selectFrom('channel').select(['id', 'handle', 'network', 'status']).where('workspace_id', '=', workspaceId).execute();
    const channelsByHandle = new Map<string, ChannelRef[]>();
    for (const channel of channels) {
      const key = channel.handle.replace(/^@/, '').toLowerCase();
      channelsByHandle.set(key, [...(channelsByHandle.get(key) ?? []), channel]);
    }
    const campaigns = await this.db.selectFrom('campaign').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute();
    const ownMediaId = (url: string) => ownMediaIdOf(url, this.baseUrl, workspaceId);
    const ownIds = urls.map(ownMediaId).filter((id): id is string => id !== null);
    const ownViews = ownIds.length === 0 ? [] : await this.media.describe(workspaceId, ownIds);
    return {
      timeZone: settings.timeZone,
      requireAltText: settings.requireAltText,
      shortLinkBaseUrl: settings.shortLinkBaseUrl,
      now: this.now(),
      delimiter,
      channelsById: new Map(channels.map((channel) => [channel.id, channel])),
      channelsByHandle,
      campaigns: new Map(campaigns.map((campaign) => [campaign.name.trim().toLowerCase(), campaign])),
      manifest: this.manifest,
      ownMediaId,
      ownMedia: new Map(ownViews.map((view) => [view.id, { kind: view.kind, mimeType: view.mimeType }])),
    };
  }

  /** Each distinct URL once, into the media library; the first failure stops everything and names its line. */
  private async downloadAll(workspaceId: string, actor: PublishingActor, posts: RowPost[], uploaded: string[]): Promise<{ ids: Map<string, string> } | { problem: CsvProblem }> {
    const firstUse = new Map<string, { line: number; altText: string }>();
    for (const post of posts) for (const item of post.media) if (!item.ownId && !firstUse.has(item.url)) firstUse.set(item.url, { line: post.line, altText: item.altText });
    const ids = new Map<string, string>();
    const failures: CsvProblem[] = [];
    await eachAtOnce([...firstUse.entries()], downloadConcurrency, async ([url, use]) => {
      // After a failure the rest is not fetched: the import stops anyway.
      if (failures.length > 0) return;
      try {
        const file = await this.mediaUrls.download(url);
        const view = await this.media.upload({ workspaceId, userId: actor.userId, fileName: file.fileName, bytes: file.bytes, altText: use.altText, tags: ['csv'] });
        uploaded.push(view.id);
        ids.set(url, view.id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failures.push(problem(use.line, 'media_url', error.code, error.params));
      }
    });
    // The earliest line is named when several downloads failed at once.
    const [first] = sortProblems(failures);
    return first ? { problem: first } : { ids };
  }
}

/** Runs `work` on every item, at most `limit` at a time. */
async function eachAtOnce<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function scheduleOf(post: RowPost): Schedule {
  const at = post.at === null ? null : new Date(post.at).toISOString();
  return post.draft ? { kind: 'draft', at } : { kind: 'at', at: at! };
}

function preview(post: RowPost, actor: PublishingActor, timeZone: string): CsvRowPreview {
  return {
    line: post.line,
    at: post.at === null ? null : toZonedIso(post.at, timeZone),
    state: post.draft ? 'draft' : actor.canPublish ? 'scheduled' : 'pending_approval',
    channels: post.channels.map((channel) => channel.handle),
    text: post.text.slice(0, previewTextLength),
    firstReply: post.firstReply?.slice(0, previewTextLength) ?? null,
    mediaCount: post.media.length,
    campaign: post.campaign?.name ?? null,
  };
}

/** `<base>/api/workspaces/<this workspace>/media/<id>/file` → id; any other URL → null. */
export function ownMediaIdOf(url: string, baseUrl: string, workspaceId: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(baseUrl).origin) return null;
  const match = /^\/api\/workspaces\/([^/]+)\/media\/([^/]+)\/file$/.exec(parsed.pathname);
  if (!match || decodeURIComponent(match[1]) !== workspaceId) return null;
  return decodeURIComponent(match[2]);
}
