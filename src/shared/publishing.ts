// The publishing API's shapes, shared by the server (route schemas) and the
// web app (composer, calendar). A post is written once (`content`) and adapted
// per channel; each (post, channel) pair is a target with its own state.
import { z } from 'zod';

export const targetStates = ['draft', 'pending_approval', 'scheduled', 'publishing', 'published', 'failed', 'needs_attention'] as const;
export type TargetState = (typeof targetStates)[number];

export const mediaRefSchema = z.strictObject({
  mediaId: z.string().min(1).max(64),
  altText: z.string().max(5000).default(''),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

export const postPartSchema = z.strictObject({
  text: z.string().max(20_000),
  media: z.array(mediaRefSchema).max(10).default([]),
});
export type PostPart = z.infer<typeof postPartSchema>;

/** One post's content: the first post, the rest of a thread, and an optional first reply (e.g. for a link). */
export const postContentSchema = z.strictObject({
  text: z.string().max(20_000),
  media: z.array(mediaRefSchema).max(10).default([]),
  thread: z.array(postPartSchema).max(25).default([]),
  firstReply: z.string().max(20_000).nullable().default(null),
});
export type PostContent = z.infer<typeof postContentSchema>;

/**
 * When to publish. `at` takes an ISO date-time with an offset (an instant) or
 * a wall-clock time without one (`2027-03-29T09:00`), read in the workspace's
 * time zone. A draft may carry a planned time (it shows on the calendar).
 */
export const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('draft'), at: z.string().max(40).nullable().default(null) }),
  z.strictObject({ kind: z.literal('now') }),
  z.strictObject({ kind: z.literal('queue') }),
  z.strictObject({ kind: z.literal('at'), at: z.string().min(10).max(40) }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

export const postInputSchema = z.strictObject({
  content: postContentSchema,
  /** The channels to publish to, each with its adapted content (null: the post's content as is). */
  channels: z
    .array(z.strictObject({ channelId: z.string().min(1).max(64), content: postContentSchema.nullable().default(null) }))
    .min(1)
    .max(100),
  schedule: scheduleSchema,
  campaignId: z.string().max(64).nullable().default(null),
});
export type PostInput = z.input<typeof postInputSchema>;

/** An edit carries the version it was made from: a stale editor gets a conflict instead of overwriting. */
export const postUpdateSchema = postInputSchema.extend({ version: z.number().int().min(1) });
export type PostUpdate = z.input<typeof postUpdateSchema>;

export interface ContentIssue {
  /** 0: the first post; 1…n: the thread's next posts; 'firstReply'. */
  part: number | 'firstReply';
  code: string;
  params: Record<string, string | number>;
  /** Blocks scheduling (errors) or only warns (brand voice, for instance). */
  severity: 'error' | 'warning';
}

export interface TargetView {
  id: string;
  channelId: string;
  network: string;
  handle: string;
  content: PostContent;
  /** True when this channel's content differs from the post's. */
  customized: boolean;
  state: TargetState;
  scheduledAt: string | null;
  version: number;
  remoteId: string | null;
  remoteUrl: string | null;
  publishedAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  /** Why a scheduled target is waiting: paused, channel_reconnect_needed, rate_limited, retrying. */
  holdReason: string | null;
  failureCode: string | null;
  /** In the network's own words when the network refused. */
  failureMessage: string | null;
  metrics: { likes: number; reposts: number; replies: number; quotes: number | null; at: string } | null;
}

export interface PostView {
  id: string;
  workspaceId: string;
  author: { id: string; name: string } | null;
  campaignId: string | null;
  content: PostContent;
  scheduleKind: 'draft' | 'at' | 'now' | 'queue';
  approval: 'not_required' | 'pending' | 'approved' | 'rejected';
  source: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  targets: TargetView[];
  /** Clicks by people on the post's short links, all channels together (the post's own page only). */
  linkClicks?: number;
}

export interface PostEventView {
  id: number;
  action: string;
  actor: string | null;
  targetId: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

/** One target on the calendar. */
export interface CalendarEntry {
  targetId: string;
  postId: string;
  channelId: string;
  network: string;
  handle: string;
  state: TargetState;
  scheduledAt: string | null;
  publishedAt: string | null;
  text: string;
  mediaCount: number;
  campaignId: string | null;
  authorId: string | null;
  remoteUrl: string | null;
}

export interface PublishingSettings {
  paused: boolean;
  pausedAt: string | null;
  pausedBy: string | null;
  requireAltText: boolean;
  /** Replace the links of every post with Relais short links (`<base URL>/l/<code>`) that count clicks. */
  shortenLinks: boolean;
  /** This Relais' public address, which short links start with (the composer counts them at their real length). */
  shortLinkBaseUrl: string;
}

export interface Campaign {
  id: string;
  name: string;
  color: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

export interface QueueSlot {
  weekday: number;
  /** Local wall-clock time "HH:mm" in the workspace's time zone. */
  time: string;
}
