// Decides, for a post being saved, what each of its targets becomes: its
// content on that channel, its state and its time. Everything a person could
// get wrong is checked here, before anything is written: unknown or
// disconnected channels, content over a network's limits, a time already past,
// a queue without slots.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ConnectorManifest } from '../../connectors/contract.ts';
import { AppError, withBody } from '../../errors.ts';
import type { ContentIssue, PostContent, Schedule, TargetState } from '../../../shared/publishing.ts';
import { checkTargetContent, hasErrors, type MediaFacts } from '../../../shared/composer/validate-post.ts';
import { resolveScheduleTime } from './schedule-time.ts';
import { nextFreeSlot } from './queue-slots.ts';

export interface MediaFactsProvider {
  facts(workspaceId: string, mediaIds: string[]): Promise<Record<string, MediaFacts>>;
}

export interface PlannedTarget {
  channelId: string;
  network: string;
  handle: string;
  content: PostContent;
  state: TargetState;
  scheduledAt: number | null;
}

export interface PlanInput {
  workspaceId: string;
  content: PostContent;
  channels: Array<{ channelId: string; content: PostContent | null }>;
  schedule: Schedule;
  /** False for contributors: whatever they schedule waits for approval. */
  canPublish: boolean;
  /** Targets of this post that already hold a slot (kept when the post is saved again). */
  keepSlots?: Map<string, number | null>;
}

/** Slack for a time picked "now" in a form that took a while to submit. */
const PAST_GRACE_MS = 60_000;

export class TargetPlanner {
  private readonly db: Kysely<Database>;
  private readonly manifest: (network: string) => ConnectorManifest | null;
  private readonly media: MediaFactsProvider;
  private readonly now: () => number;
  private readonly shortLinkBaseUrl: string | null;

  constructor(deps: { db: Kysely<Database>; manifest: (network: string) => ConnectorManifest | null; media: MediaFactsProvider; now: () => number; shortLinkBaseUrl?: string | null }) {
    this.shortLinkBaseUrl = deps.shortLinkBaseUrl ?? null;
    this.db = deps.db;
    this.manifest = deps.manifest;
    this.media = deps.media;
    this.now = deps.now;
  }

  /** `shortLinkBaseUrl` is set when the workspace shortens links (lengths are then counted with short links in place). */
  async workspaceSettings(workspaceId: string): Promise<{ timeZone: string; requireAltText: boolean; paused: boolean; shortLinkBaseUrl: string | null }> {
    const workspace = await this.db.selectFrom('organization').select(['timeZone']).where('id', '=', workspaceId).executeTakeFirst();
    const settings = await this.db.selectFrom('publishing_setting').select(['require_alt_text', 'paused', 'shorten_links']).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return {
      timeZone: workspace?.timeZone || 'UTC',
      requireAltText: Boolean(settings?.require_alt_text),
      paused: Boolean(settings?.paused),
      shortLinkBaseUrl: settings?.shorten_links && this.shortLinkBaseUrl ? this.shortLinkBaseUrl : null,
    };
  }

  /** Every problem of every channel's content (errors and warnings), without saving anything. */
  async check(input: Omit<PlanInput, 'schedule' | 'canPublish'>): Promise<Array<{ channelId: string; issues: ContentIssue[] }>> {
    const channels = await this.channels(input.workspaceId, input.channels.map((c) => c.channelId));
    const settings = await this.workspaceSettings(input.workspaceId);
    const media = await this.mediaFacts(input.workspaceId, input.content, input.channels);
    return input.channels.map((entry) => {
      const channel = channels.get(entry.channelId)!;
      return { channelId: entry.channelId, issues: this.issuesFor(channel.network, entry.content ?? input.content, settings, media) };
    });
  }

  async plan(input: PlanInput): Promise<PlannedTarget[]> {
    const ids = input.channels.map((c) => c.channelId);
    if (new Set(ids).size !== ids.length) throw new AppError(400, 'validation', { details: 'channels' });
    const channels = await this.channels(input.workspaceId, ids);
    const settings = await this.workspaceSettings(input.workspaceId);
    const media = await this.mediaFacts(input.workspaceId, input.content, input.channels);
    const isDraft = input.schedule.kind === 'draft';
    const now = this.now();

    let at: number | null = null;
    if ((input.schedule.kind === 'at' || input.schedule.kind === 'draft') && input.schedule.at) {
      at = resolveScheduleTime(input.schedule.at, settings.timeZone);
      if (input.schedule.kind === 'at' && at < now - PAST_GRACE_MS) throw new AppError(400, 'schedule_in_past');
    }

    const planned: PlannedTarget[] = [];
    for (const entry of input.channels) {
      const channel = channels.get(entry.channelId)!;
      const content = entry.content ?? input.content;
      if (!isDraft) {
        const issues = this.issuesFor(channel.network, content, settings, media);
        const first = issues.find((issue) => issue.severity === 'error');
        if (first && hasErrors(issues)) {
          throw withBody(new AppError(422, `content_${first.code}` as never, { channel: channel.handle, ...first.params }), {
            issues: issues.map((issue) => ({ ...issue, channelId: entry.channelId })),
          });
        }
        if (channel.status === 'disabled') throw new AppError(409, 'post_channel_disconnected', { channel: channel.handle });
      }
      let scheduledAt: number | null = at;
      if (input.schedule.kind === 'now') scheduledAt = input.canPublish ? now : null;
      if (input.schedule.kind === 'queue') {
        const kept = input.keepSlots?.get(entry.channelId);
        scheduledAt = kept && kept > now ? kept : await this.nextQueueSlot(input.workspaceId, channel, settings.timeZone, now);
      }
      const state: TargetState = isDraft ? 'draft' : input.canPublish ? 'scheduled' : 'pending_approval';
      planned.push({ channelId: entry.channelId, network: channel.network, handle: channel.handle, content, state, scheduledAt });
    }
    return planned;
  }

  private issuesFor(network: string, content: PostContent, settings: { requireAltText: boolean; shortLinkBaseUrl: string | null }, media: Record<string, MediaFacts>): ContentIssue[] {
    const manifest = this.manifest(network);
    if (!manifest) return [{ part: 0, code: 'network_unknown', params: {}, severity: 'error' }];
    return checkTargetContent(content, { limits: manifest.limits, capabilities: manifest.capabilities, requireAltText: settings.requireAltText, media, shortLinkBaseUrl: settings.shortLinkBaseUrl });
  }

  private async channels(workspaceId: string, ids: string[]) {
    const rows = ids.length === 0 ? [] : await this.db.selectFrom('channel').select(['id', 'network', 'handle', 'status']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) if (!byId.has(id)) throw new AppError(400, 'post_channel_unknown');
    return byId;
  }

  private async mediaFacts(workspaceId: string, content: PostContent, channels: PlanInput['channels']): Promise<Record<string, MediaFacts>> {
    const ids = new Set<string>();
    for (const version of [content, ...channels.map((c) => c.content).filter((c): c is PostContent => c !== null)]) {
      for (const part of [version, ...version.thread]) for (const ref of part.media) ids.add(ref.mediaId);
    }
    return ids.size === 0 ? {} : this.media.facts(workspaceId, [...ids]);
  }

  private async nextQueueSlot(workspaceId: string, channel: { id: string; handle: string }, timeZone: string, now: number): Promise<number> {
    const slots = await this.db.selectFrom('queue_slot').select(['weekday', 'minute_of_day']).where('channel_id', '=', channel.id).where('workspace_id', '=', workspaceId).execute();
    if (slots.length === 0) throw new AppError(400, 'queue_no_slots', { channel: channel.handle });
    const taken = await this.db
      .selectFrom('post_target')
      .select('scheduled_at')
      .where('channel_id', '=', channel.id)
      .where('scheduled_at', '>', now)
      .where('state', 'in', ['scheduled', 'pending_approval', 'publishing', 'published'])
      .execute();
    const at = nextFreeSlot(
      slots.map((slot) => ({ weekday: Number(slot.weekday), minuteOfDay: Number(slot.minute_of_day) })),
      timeZone,
      now,
      new Set(taken.map((row) => Number(row.scheduled_at))),
    );
    if (at === null) throw new AppError(409, 'queue_full', { channel: channel.handle });
    return at;
  }
}
