// What Mastodon (and servers speaking its client API) offers through Relais,
// and the numbers the composer and the rate limiter start from. An instance
// says its own limits in /api/v2/instance (`Connector.limits()` reads them);
// these are Mastodon's defaults. Sources: docs.joinmastodon.org — api/rate-limits
// ("300 requests within 5 minutes" per account, "POST /api/v1/media 30 times
// within 30 minutes", "DELETE /api/v1/statuses/:id 30 times within 30 minutes"),
// entities/Instance (configuration.statuses, configuration.media_attachments),
// methods/media (description = alt text).
import type { ConnectorManifest } from '../contract.ts';

export const MINUTE = 60_000;

export const mastodonManifest: ConnectorManifest = {
  network: 'mastodon',
  displayName: 'Mastodon',
  auth: 'oauth2Pkce',
  capabilities: [
    'publish.text',
    'publish.images',
    'publish.video',
    'publish.thread',
    'publish.reply',
    'post.status',
    'post.delete',
    'activity.mentions',
    'activity.replies',
    // Quote notifications exist from Mastodon 4.5 (API version 7); older servers simply never send one.
    'activity.quotes',
    'activity.reposts',
    'activity.likes',
    'activity.follows',
    // Mentions with `direct` visibility ("private mentions").
    'activity.directMessages',
    'thread.fetch',
    'engage.reply',
    'engage.like',
    'metrics.account',
    'metrics.post',
    'search.posts',
  ],
  limits: {
    maxLength: 500,
    lengthUnit: 'characters',
    urlLength: 23,
    maxImages: 4,
    maxVideos: 1,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    maxImageBytes: 16 * 1024 * 1024,
    maxAltTextLength: 1500,
  },
  rateBudgets: [
    { scope: 'account', points: 300, windowMs: 5 * MINUTE, note: 'all requests of one account (X-RateLimit-* headers say what is left)' },
    { scope: 'account', points: 30, windowMs: 30 * MINUTE, note: 'media uploads per account' },
    { scope: 'account', points: 30, windowMs: 30 * MINUTE, note: 'status deletions per account' },
  ],
};

/** The OAuth scopes Relais asks for: reading the inbox, publishing, liking. */
export const mastodonScopes = 'read write';
