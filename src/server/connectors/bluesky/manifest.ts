// What Bluesky offers through Relais, and the numbers the composer and the
// rate limiter work with. Sources: docs.bsky.app (rate limits: "Created
// actions per DID", "Other rate limits"), the app.bsky.feed.post and
// app.bsky.embed.images lexicons, and the official app's limits for images
// (1,000,000 bytes each) and alt text (2,000 graphemes).
import type { ConnectorManifest } from '../contract.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Points of the per-account write budget, per record operation (docs.bsky.app). */
export const writeCost = { create: 3, update: 2, delete: 1 } as const;

export const blueskyManifest: ConnectorManifest = {
  network: 'bluesky',
  displayName: 'Bluesky',
  auth: 'appPassword',
  capabilities: [
    'publish.text',
    'publish.images',
    'publish.thread',
    'publish.reply',
    'post.status',
    'post.delete',
    // No direct messages: chat.bsky.* is a separate service, and an app password needs a special grant for it.
    'activity.mentions',
    'activity.replies',
    'activity.quotes',
    'activity.reposts',
    'activity.likes',
    'activity.follows',
    'thread.fetch',
    'engage.reply',
    'engage.like',
    'metrics.account',
    'metrics.post',
    'search.posts',
  ],
  limits: {
    maxLength: 300,
    lengthUnit: 'graphemes',
    urlLength: null,
    maxImages: 4,
    maxVideos: 0,
    imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    maxImageBytes: 1_000_000,
    maxAltTextLength: 2000,
  },
  rateBudgets: [
    { scope: 'account', points: 5000, windowMs: HOUR, note: 'record writes per account: create 3 points, update 2, delete 1' },
    { scope: 'account', points: 35_000, windowMs: DAY, note: 'record writes per account, per day' },
    { scope: 'account', points: 30, windowMs: 5 * 60_000, note: 'com.atproto.server.createSession per account (sign-ins, not refreshes)' },
    { scope: 'account', points: 100, windowMs: DAY, note: 'createSession per day at the bsky.social entryway (the PDS itself allows 300)' },
    { scope: 'app', points: 3000, windowMs: 5 * 60_000, note: 'all requests from one IP address' },
  ],
};

/** The record text limit in UTF-8 bytes (app.bsky.feed.post: maxLength 3000, maxGraphemes 300). */
export const maxTextBytes = 3000;
