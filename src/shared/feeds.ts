// The feeds API's shapes, shared by the server (route schemas) and the web app
// (Feeds page). A feed turns each new item of an RSS, Atom or RSS 1.0 feed into
// a post from a template, once per item.
import { z } from 'zod';

export const feedModes = ['draft', 'queue', 'now'] as const;
export type FeedMode = (typeof feedModes)[number];

export const defaultFeedTemplate = '{{title}} {{link}}';

export const feedItemStatuses = ['posted', 'skipped', 'skipped_old', 'failed'] as const;
export type FeedItemStatus = (typeof feedItemStatuses)[number];

const feedUrl = z.string().trim().min(1).max(2000);

export const feedInputSchema = z.strictObject({
  url: feedUrl,
  /** Shown in the list and in the posts' history; the feed's own title when left out. */
  title: z.string().trim().max(200).nullable().default(null),
  channelIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  template: z.string().trim().min(1).max(2000).default(defaultFeedTemplate),
  mode: z.enum(feedModes).default('draft'),
  campaignId: z.string().max(64).nullable().default(null),
  /** Post the feed's latest item right away; the other items already there are never posted. */
  postLatest: z.boolean().default(false),
});
export type FeedInput = z.input<typeof feedInputSchema>;

export const feedUpdateSchema = z.strictObject({
  url: feedUrl.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  channelIds: feedInputSchema.shape.channelIds.optional(),
  template: z.string().trim().min(1).max(2000).optional(),
  mode: z.enum(feedModes).optional(),
  campaignId: z.string().max(64).nullable().optional(),
  /** false pauses the feed; true resumes it (what was published meanwhile is not posted). */
  active: z.boolean().optional(),
});
export type FeedUpdate = z.input<typeof feedUpdateSchema>;

export const feedPreviewInputSchema = z.strictObject({ url: feedUrl });

/** One item's values for the template, as plain text. */
export interface FeedEntryFields {
  title: string;
  link: string;
  /** The item's summary (or content) without HTML. */
  summary: string;
  author: string;
  categories: string[];
}

export interface FeedProblem {
  code: string;
  /** In the caller's language. */
  message: string;
}

export interface FeedView {
  id: string;
  url: string;
  title: string;
  channelIds: string[];
  template: string;
  mode: FeedMode;
  campaignId: string | null;
  active: boolean;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  lastError: FeedProblem | null;
  /** Failed fetches in a row (the checks space out after each). */
  errorCount: number;
  postedCount: number;
  lastPostedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface FeedItemView {
  title: string;
  link: string | null;
  status: FeedItemStatus;
  postId: string | null;
  publishedAt: string | null;
  seenAt: string;
  error: FeedProblem | null;
}

export interface FeedPreview {
  url: string;
  title: string;
  format: 'rss' | 'atom' | 'rdf' | 'json';
  itemCount: number;
  /** The newest item, to preview the template with. */
  latest: (FeedEntryFields & { publishedAt: string | null }) | null;
}

export interface FeedCheckResult {
  outcome: 'checked' | 'not_modified' | 'failed';
  /** Posts written by this check. */
  posted: number;
  /** Items that could not be posted (kept as failed, tried again next time). */
  failed: number;
}
