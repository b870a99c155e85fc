// What every connector offers the rest of Relais. Connectors are the only code
// that speaks a network's API; everything else asks the registry for a
// connector by capability and talks to it through these types. Connectors
// never import domain code.

/** What a connector can do; the composer, inbox and listening ask by capability. */
export const capabilities = [
  'publish.text',
  'publish.images',
  'publish.video',
  'publish.thread',
  'publish.reply',
  'post.status',
  'post.delete',
  'activity.mentions',
  'activity.replies',
  'activity.quotes',
  'activity.reposts',
  'activity.likes',
  'activity.follows',
  'activity.directMessages',
  'thread.fetch',
  'engage.reply',
  'engage.like',
  'metrics.account',
  'metrics.post',
  'search.posts',
] as const;
export type Capability = (typeof capabilities)[number];

export type AuthKind = 'appPassword' | 'oauth2Pkce' | 'token';

import type { ComposerLimits } from '../../shared/composer/limits.ts';
export type { ComposerLimits };

export interface ConnectorManifest {
  network: string;
  displayName: string;
  auth: AuthKind;
  capabilities: Capability[];
  /** Defaults; `Connector.limits()` may refine them (a Mastodon instance's own settings). */
  limits: ComposerLimits;
  /** Documented budgets, used to pace requests before any header says so. */
  rateBudgets: Array<{ scope: 'account' | 'app'; points: number; windowMs: number; note: string }>;
}

/** A post as Relais refers to it on a network: the network's id, plus its public URL. */
export interface RemotePost {
  remoteId: string;
  url: string;
  /** Network-specific extra reference (Bluesky: the record's CID), needed to reply or like. */
  ref?: string;
}

export interface MediaInput {
  bytes: Uint8Array;
  mimeType: string;
  altText: string;
  fileName: string;
}

export interface PublishInput {
  /** Chosen by Relais before the first attempt and reused on every retry: the network must create at most one post for it. */
  idempotencyKey: string;
  text: string;
  media?: MediaInput[];
  /** Publish as a reply to this post (threads and first replies are chains of these). */
  replyTo?: RemotePost;
}

/** What was sent, for reconciling on networks that cannot look a post up by its idempotency key. */
export interface PublishHint {
  text: string;
  replyTo?: RemotePost | null;
  mediaCount?: number;
  /** When the first attempt started (epoch ms or ISO date). */
  startedAt: number | string;
}

export interface PublishedPost extends RemotePost {
  createdAt: string;
}

export interface Author {
  remoteId: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  url: string | null;
  followers: number | null;
}

export type ActivityKind = 'mention' | 'reply' | 'quote' | 'repost' | 'like' | 'follow' | 'directMessage';

/** Something that happened to the account: the inbox's raw material. */
export interface Activity {
  /** Stable across polls: the inbox deduplicates on (channel, id). */
  id: string;
  kind: ActivityKind;
  author: Author;
  /** The post people wrote (reply, mention, quote, direct message), when there is one. */
  post: { remoteId: string; url: string; ref?: string; text: string; createdAt: string; replyTo: string | null; rootId: string | null } | null;
  /** Our post this activity is about (the post replied to, liked, reposted or quoted). */
  subjectRemoteId: string | null;
  createdAt: string;
}

export interface ActivityPage {
  items: Activity[];
  /** Opaque; pass it back to get only what came after. Never null once a first call succeeded (even with nothing in it). */
  cursor: string | null;
}

export interface ThreadPost {
  remoteId: string;
  url: string;
  ref?: string;
  author: Author;
  text: string;
  createdAt: string;
  replyTo: string | null;
  replies: ThreadPost[];
}

export interface AccountProfile {
  remoteId: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  url: string;
}

export interface AccountMetrics {
  followers: number;
  following: number;
  posts: number;
}

export interface PostMetrics {
  remoteId: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
}

export type PostStatus = { state: 'published'; post: RemotePost } | { state: 'missing' };

export interface SearchPage {
  items: Array<{ remoteId: string; url: string; author: Author; text: string; createdAt: string; language: string | null }>;
  cursor: string | null;
}

/** The operations; a connector implements those its manifest lists. */
export interface Connector {
  readonly manifest: ConnectorManifest;
  /** The account behind the credentials ("test connection"). */
  profile(): Promise<AccountProfile>;
  /**
   * Like `profile`, but proves on the network's side that the stored
   * credentials still work (a health check), where a cached token could hide
   * a revocation. Connectors whose every call is checked may omit it.
   */
  checkCredentials?(): Promise<AccountProfile>;
  limits(): Promise<ComposerLimits>;
  publish(input: PublishInput): Promise<PublishedPost>;
  /**
   * Whether a post exists, found by the idempotency key used to publish it
   * (reconciliation after an unknown outcome). Networks without client-chosen
   * ids look for it with `hint` (what was sent, and when the first attempt started).
   */
  findPublished(idempotencyKey: string, hint?: PublishHint): Promise<PostStatus>;
  getStatus(post: RemotePost): Promise<PostStatus>;
  /** Deleting a post that is already gone succeeds (a retried delete is harmless). */
  delete(post: RemotePost): Promise<void>;
  /**
   * What happened since `cursor` (oldest first), each item once across polls and restarts.
   * With a null cursor: the most recent history (one page), not the account's whole past.
   */
  activitySince(cursor: string | null): Promise<ActivityPage>;
  /** The whole conversation `post` belongs to, from its first post down (given a reply, it climbs to the root). */
  thread(post: RemotePost): Promise<ThreadPost>;
  /** Likes once, however often it is asked. */
  like(post: RemotePost): Promise<void>;
  accountMetrics(): Promise<AccountMetrics>;
  /** Metrics of the given posts that still exist (a deleted one is left out); match them by `remoteId`. */
  postMetrics(posts: RemotePost[]): Promise<PostMetrics[]>;
  search(query: string, cursor: string | null): Promise<SearchPage>;
}

export type ConnectorErrorKind = 'auth' | 'rejected' | 'rate_limited' | 'transient' | 'unknown_outcome';

/**
 * Every failure a connector reports. `auth`: reconnect needed. `rejected`: the
 * network refused the content (its message is for the person). `rate_limited`:
 * try again at `retryAt`. `transient`: safe to retry. `unknown_outcome`: the
 * request may have taken effect; reconcile before any retry.
 * Relais' own refusals are reported the same way, the original as `cause`: a
 * budget spent (RateLimitedError) is `rate_limited`, a server URL the SSRF
 * guard refuses (BlockedUrlError) is `auth` (the channel needs another URL).
 */
export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly networkMessage: string | null;
  readonly retryAt: Date | null;
  constructor(kind: ConnectorErrorKind, message: string, options: { networkMessage?: string | null; retryAt?: Date | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ConnectorError';
    this.kind = kind;
    this.networkMessage = options.networkMessage ?? null;
    this.retryAt = options.retryAt ?? null;
  }
}
