// The Mastodon connector: one account on one instance, through the client API
// (docs.joinmastodon.org, methods/*). It also serves other servers that speak
// that API (snac2, GoToSocial, Pleroma…) as far as they implement it; the
// differences it copes with are noted where they matter.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  AccountMetrics,
  AccountProfile,
  Activity,
  ActivityPage,
  ComposerLimits,
  PublishHint,
  Connector,
  MediaInput,
  PostMetrics,
  PostStatus,
  PublishedPost,
  PublishInput,
  RemotePost,
  SearchPage,
  ThreadPost,
} from '../contract.ts';
import { ConnectorError } from '../contract.ts';
import type { HttpClient, HttpResponse } from '../../net/http-client.ts';
import type { RateLimiter } from '../../net/rate-limiter.ts';
import { channelBudgetKey, MastodonApi, parseLinkHeader } from './api.ts';
import { checkContent } from './content-check.ts';
import { instanceMessage } from './errors.ts';
import type {
  MastoAccount,
  MastoContext,
  MastoInstanceConfiguration,
  MastoInstanceV1,
  MastoInstanceV2,
  MastoMediaAttachment,
  MastoNotification,
  MastoSearch,
  MastoStatus,
} from './api-types.ts';
import { mastodonCredentialsSchema, type MastodonCredentials, type MastodonCredentialsInput } from './credentials.ts';
import { MINUTE, mastodonManifest } from './manifest.ts';
import { processJournal, type PublishAttempt, type PublishJournal } from './publish-journal.ts';
import { comparableText, htmlToText, withoutReplyMentions } from './text.ts';
import { activityOf, compareIds, handleOf, isoDate, searchItemOf, threadOf } from './views.ts';

export interface MastodonConnectorOptions {
  credentials: MastodonCredentialsInput | MastodonCredentials;
  http: HttpClient;
  /** Shared budgets: the account's static ones (300 requests / 5 min, 30 uploads and 30 deletions / 30 min) are set on it. */
  rateLimiter?: RateLimiter;
  /** Told when the stored credentials should change (the account id, once learnt). */
  onCredentialsChanged?: (next: MastodonCredentials) => Promise<void>;
  /** Where publication attempts are remembered for `findPublished`; this process's memory by default. */
  journal?: PublishJournal;
  /**
   * Replies start with the mention of the account replied to, as Mastodon's
   * apps write them (default true): without it that account is not notified,
   * and a reply to a direct message would reach no one.
   */
  replyMentions?: boolean;
  /** How long to wait for an instance to finish processing an upload (default 120 s). */
  mediaTimeoutMs?: number;
  /** Pause between checks of a processing upload (default 1 s). */
  mediaPollIntervalMs?: number;
  now?: () => number;
}

/** What `findPublished` may be told when the journal does not know the attempt (e.g. after a restart). */
export type { PublishHint };

/** Statuses created this long before an attempt's start still count as its own: the instance's clock may differ from ours. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Pages of the account's statuses reconciliation looks through (40 each). */
const RECONCILE_PAGES = 5;
/** Notification pages one `activitySince` call reads before handing back a cursor (80 each). */
const ACTIVITY_PAGES = 10;
const NOTIFICATION_PAGE = 80;
const SEARCH_PAGE = 20;
/** Extra context reads `thread()` may make for servers that list only direct replies. */
const THREAD_EXTRA_READS = 20;
const LIMITS_TTL_MS = 60 * 60_000;
const cursorPrefix = 'mastodon:n:';

/** Each instance's limits, read at most once an hour by this process (every publication checks against them). */
const limitsCache = new Map<string, { at: number; limits: ComposerLimits }>();
const limitsReads = new Map<string, Promise<ComposerLimits>>();

/** Publications under way in this process, by instance and key: a second call for the same key waits for the first. */
const inFlight = new Map<string, Promise<PublishedPost>>();

export class MastodonConnector implements Connector {
  readonly manifest = mastodonManifest;
  private credentials: MastodonCredentials;
  private readonly api: MastodonApi;
  private readonly onCredentialsChanged: (next: MastodonCredentials) => Promise<void>;
  private readonly journal: PublishJournal;
  private readonly rateLimiter: RateLimiter | undefined;
  private readonly replyMentions: boolean;
  private budgetsSetFor: string | null = null;
  private readonly mediaTimeoutMs: number;
  private readonly mediaPollIntervalMs: number;
  private readonly now: () => number;

  constructor(options: MastodonConnectorOptions) {
    this.credentials = mastodonCredentialsSchema.parse(options.credentials);
    this.onCredentialsChanged = options.onCredentialsChanged ?? (async () => {});
    this.journal = options.journal ?? processJournal;
    this.rateLimiter = options.rateLimiter;
    this.replyMentions = options.replyMentions ?? true;
    this.mediaTimeoutMs = options.mediaTimeoutMs ?? 120_000;
    this.mediaPollIntervalMs = options.mediaPollIntervalMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.api = new MastodonApi({
      http: options.http,
      serverUrl: this.credentials.serverUrl,
      accessToken: this.credentials.accessToken,
      tokenType: this.credentials.tokenType,
      accountId: () => this.budgetedAccountId(),
    });
  }

  /** The account id for budget keys; its static budgets are declared the first time it is known. */
  private budgetedAccountId(): string | undefined {
    const accountId = this.credentials.accountId;
    if (accountId && this.rateLimiter && this.budgetsSetFor !== accountId) {
      const key = channelBudgetKey(this.serverUrl, accountId);
      this.rateLimiter.setBudget(key, { points: 300, windowMs: 5 * MINUTE });
      this.rateLimiter.setBudget(`${key}:media`, { points: 30, windowMs: 30 * MINUTE });
      this.rateLimiter.setBudget(`${key}:delete`, { points: 30, windowMs: 30 * MINUTE });
      this.budgetsSetFor = accountId;
    }
    return accountId;
  }

  get serverUrl(): string {
    return this.credentials.serverUrl;
  }

  // -------------------------------------------------------------------------
  // The account
  // -------------------------------------------------------------------------

  private async verifyCredentials(): Promise<MastoAccount> {
    // Mastodon answers a bad token with 401; snac2 with an empty 422 ("no login"), which means the same here.
    const response = await this.api.request({ method: 'GET', path: '/api/v1/accounts/verify_credentials', what: 'checking the account', kind: 'read', allow: [422] });
    if (response.status === 422) throw new ConnectorError('auth', 'checking the account: the instance does not accept this account’s token (422)', { networkMessage: instanceMessage(response) });
    const account = safeJson<MastoAccount>(response);
    if (!account || typeof account.id !== 'string' || typeof account.username !== 'string') {
      throw new ConnectorError('transient', 'checking the account: the instance answered something that is not an account');
    }
    if (this.credentials.accountId !== account.id || this.credentials.username !== account.username) {
      this.credentials = { ...this.credentials, accountId: account.id, username: account.username };
      await this.onCredentialsChanged(this.credentials);
    }
    return account;
  }

  /** The account's id (asked once per connector when the credentials do not carry it). */
  private async accountId(): Promise<string> {
    return this.credentials.accountId ?? (await this.verifyCredentials()).id;
  }

  /** How a status may address this account: `@user`, `@user@host` (servers leave the reader out of `mentions`). */
  private async selfMentions(): Promise<Array<{ username: string; acct: string }>> {
    const username = this.credentials.username ?? (await this.verifyCredentials()).username;
    return [{ username, acct: `${username}@${new URL(this.serverUrl).host}` }];
  }

  async profile(): Promise<AccountProfile> {
    const account = await this.verifyCredentials();
    return {
      remoteId: account.id,
      handle: handleOf(account, this.serverUrl),
      displayName: account.display_name || null,
      avatarUrl: account.avatar || null,
      url: account.url || `${this.serverUrl}/@${account.username}`,
    };
  }

  async accountMetrics(): Promise<AccountMetrics> {
    const account = await this.verifyCredentials();
    return { followers: account.followers_count ?? 0, following: account.following_count ?? 0, posts: account.statuses_count ?? 0 };
  }

  // -------------------------------------------------------------------------
  // Limits: the instance's own configuration, Mastodon's defaults where it says nothing
  // -------------------------------------------------------------------------

  async limits(): Promise<ComposerLimits> {
    const cached = limitsCache.get(this.serverUrl);
    if (cached && this.now() - cached.at < LIMITS_TTL_MS) return cached.limits;
    // Many publishes starting together on one instance ask it once.
    const reading = limitsReads.get(this.serverUrl);
    if (reading) return reading;
    const read = this.readLimits().finally(() => limitsReads.delete(this.serverUrl));
    limitsReads.set(this.serverUrl, read);
    return read;
  }

  private async readLimits(): Promise<ComposerLimits> {
    const defaults = mastodonManifest.limits;
    let configuration: MastoInstanceConfiguration | undefined;
    let maxTootChars: number | undefined;
    const v2 = await this.api.request({ method: 'GET', path: '/api/v2/instance', what: 'reading the instance’s limits', kind: 'read', anonymous: true, allow: [404, 410] });
    if (v2.ok) configuration = safeJson<MastoInstanceV2>(v2)?.configuration;
    if (!configuration) {
      const v1 = await this.api.request({ method: 'GET', path: '/api/v1/instance', what: 'reading the instance’s limits', kind: 'read', anonymous: true, allow: [404, 410] });
      const body = v1.ok ? safeJson<MastoInstanceV1>(v1) : undefined;
      configuration = body?.configuration;
      maxTootChars = body?.max_toot_chars;
    }
    const statuses = configuration?.statuses;
    const media = configuration?.media_attachments;
    const imageTypes = media?.supported_mime_types?.filter((type) => type.startsWith('image/'));
    const limits: ComposerLimits = {
      maxLength: positive(statuses?.max_characters) ?? positive(maxTootChars) ?? defaults.maxLength,
      lengthUnit: 'characters',
      urlLength: positive(statuses?.characters_reserved_per_url) ?? defaults.urlLength,
      maxImages: positive(statuses?.max_media_attachments) ?? defaults.maxImages,
      maxVideos: defaults.maxVideos,
      imageTypes: imageTypes && imageTypes.length > 0 ? imageTypes : defaults.imageTypes,
      maxImageBytes: positive(media?.image_size_limit) ?? defaults.maxImageBytes,
      maxAltTextLength: positive(media?.description_limit) ?? defaults.maxAltTextLength,
    };
    limitsCache.set(this.serverUrl, { at: this.now(), limits });
    return limits;
  }

  // -------------------------------------------------------------------------
  // Publishing
  // -------------------------------------------------------------------------

  /**
   * One status per idempotency key: the key goes in the Idempotency-Key
   * header (Mastodon answers a repeated key with the first status, for an
   * hour); a key this process already tried is first looked for among the
   * account's statuses (see findPublished), for servers that ignore the
   * header; two calls at once for one key share one request.
   */
  async publish(input: PublishInput): Promise<PublishedPost> {
    const flight = `${this.serverUrl} ${input.idempotencyKey}`;
    const running = inFlight.get(flight);
    if (running) return running;
    const attempt = this.publishOnce(input).finally(() => inFlight.delete(flight));
    inFlight.set(flight, attempt);
    return attempt;
  }

  private async publishOnce(input: PublishInput): Promise<PublishedPost> {
    checkContent(input, await this.limits());
    const known = await this.journal.get(this.serverUrl, input.idempotencyKey);
    if (known) {
      const earlier = await this.reconcile(known);
      if (earlier) return { remoteId: earlier.id, url: earlier.url || earlier.uri, createdAt: isoDate(earlier.created_at) };
    }
    const parent = input.replyTo ? await this.replyContext(input.replyTo) : null;
    const text = parent?.mention && !mentions(input.text, parent.mention) ? `${parent.mention} ${input.text}` : input.text;
    const attempt: PublishAttempt = {
      serverUrl: this.serverUrl,
      idempotencyKey: input.idempotencyKey,
      text,
      replyToId: input.replyTo?.remoteId ?? null,
      mediaCount: input.media?.length ?? 0,
      startedAt: known?.startedAt ?? this.now(),
    };
    // Recorded before anything is sent: an answer lost on the way back can then be found again.
    await this.journal.put(attempt);

    const mediaIds: string[] = [];
    for (const media of input.media ?? []) mediaIds.push(await this.upload(media));
    const body: Record<string, unknown> = { status: text };
    if (mediaIds.length > 0) body.media_ids = mediaIds;
    if (input.replyTo) body.in_reply_to_id = input.replyTo.remoteId;
    if (parent?.visibility) body.visibility = parent.visibility;
    const status = await this.api.json<MastoStatus>({
      method: 'POST',
      path: '/api/v1/statuses',
      body,
      idempotencyKey: input.idempotencyKey,
      what: 'publishing',
      kind: 'unsafe-write',
    });
    if (!status || typeof status.id !== 'string') throw new ConnectorError('unknown_outcome', 'publishing: the instance’s answer is not a status');
    await this.journal.put({ ...attempt, remoteId: status.id });
    return { remoteId: status.id, url: status.url || status.uri, createdAt: isoDate(status.created_at) };
  }

  /**
   * What a reply takes from its parent. Its audience when that is private or
   * direct, as Mastodon's own composer does (a reply posted publicly would show
   * a private conversation to everyone); public parents leave the account's
   * default. And the mention of the parent's author, unless it is us.
   */
  private async replyContext(parent: RemotePost): Promise<{ visibility?: 'private' | 'direct'; mention: string | null }> {
    const response = await this.api.request({ method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(parent.remoteId)}`, what: 'reading the post replied to', kind: 'read', allow: [404] });
    if (response.status === 404) throw new ConnectorError('rejected', 'publishing: the post replied to no longer exists', { networkMessage: 'Record not found' });
    const status = safeJson<MastoStatus>(response);
    const accountId = await this.accountId();
    const author = status?.account;
    return {
      visibility: status?.visibility === 'private' || status?.visibility === 'direct' ? status.visibility : undefined,
      mention: this.replyMentions && author && author.id !== accountId && author.acct ? `@${author.acct}` : null,
    };
  }

  /**
   * POST /api/v2/media: 200 when the instance processed it at once, 202 while
   * it is still processing (then GET /api/v1/media/:id answers 206 until it
   * has a URL). Repeating an upload only leaves an unused attachment, which
   * the instance removes, so uploads are retried like reads.
   */
  private async upload(media: MediaInput): Promise<string> {
    const form = new FormData();
    // snac2 names an attachment after its file name: every upload gets its own.
    form.append('file', new Blob([media.bytes as Uint8Array<ArrayBuffer>], { type: media.mimeType }), uniqueFileName(media));
    if (media.altText) form.append('description', media.altText);
    const response = await this.api.request({ method: 'POST', path: '/api/v2/media', body: form, what: 'uploading media', kind: 'safe-write', budget: 'media', timeoutMs: 120_000 });
    const attachment = safeJson<MastoMediaAttachment>(response);
    if (!attachment || typeof attachment.id !== 'string') throw new ConnectorError('transient', 'uploading media: the instance’s answer is not a media attachment');
    if (response.status !== 202 && attachment.url) return attachment.id;
    return this.waitForMedia(attachment.id);
  }

  private async waitForMedia(id: string): Promise<string> {
    const deadline = this.now() + this.mediaTimeoutMs;
    for (;;) {
      await sleep(this.mediaPollIntervalMs);
      const response = await this.api.request({ method: 'GET', path: `/api/v1/media/${encodeURIComponent(id)}`, what: 'checking an upload', kind: 'read' });
      if (response.status === 200 && safeJson<MastoMediaAttachment>(response)?.url) return id;
      if (this.now() >= deadline) {
        throw new ConnectorError('transient', `uploading media: the instance was still processing it after ${Math.round(this.mediaTimeoutMs / 1000)} s`);
      }
    }
  }

  /**
   * Whether an earlier attempt with this key created a status. Mastodon
   * honours `Idempotency-Key` for an hour, but other servers ignore it (snac2)
   * and a job may be reconciled later than that, so the account's own recent
   * statuses are searched for one that matches what the attempt sent: the same
   * text (compared as plain text, remote mentions cut to the user name), the
   * same post replied to, as many media, created after the first attempt
   * started (less 5 minutes of clock skew), and not already claimed by another
   * attempt. Limits: up to 200 recent statuses are looked at; a text the
   * instance rewrote (e.g. a server that adds a link preview to the text)
   * does not match; of two identical posts sent at once, each claims one.
   * Without a journal entry or a hint nothing is known of the attempt and
   * "missing" is answered, so the next attempt relies on the Idempotency-Key.
   */
  async findPublished(idempotencyKey: string, hint?: PublishHint): Promise<PostStatus> {
    let attempt = await this.journal.get(this.serverUrl, idempotencyKey);
    if (!attempt && hint) {
      attempt = {
        serverUrl: this.serverUrl,
        idempotencyKey,
        text: hint.text,
        replyToId: hint.replyTo?.remoteId ?? null,
        mediaCount: hint.mediaCount ?? 0,
        startedAt: typeof hint.startedAt === 'number' ? hint.startedAt : Date.parse(hint.startedAt),
      };
    }
    if (!attempt) return { state: 'missing' };
    const found = await this.reconcile(attempt);
    return found ? { state: 'published', post: { remoteId: found.id, url: found.url || found.uri } } : { state: 'missing' };
  }

  /** The status an attempt created, if it can be found (see findPublished); remembered once found. */
  private async reconcile(attempt: PublishAttempt): Promise<MastoStatus | null> {
    if (attempt.remoteId) {
      const response = await this.api.request({ method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(attempt.remoteId)}`, what: 'reading a post', kind: 'read', allow: [404, 410] });
      const status = response.ok ? safeJson<MastoStatus>(response) : undefined;
      // Gone since (deleted): "missing", as the contract wants after a deletion.
      return status && typeof status.id === 'string' ? status : null;
    }
    const wanted = comparableText(attempt.text);
    const since = attempt.startedAt - CLOCK_SKEW_MS;
    const accountId = await this.accountId();
    let maxId: string | undefined;
    let found: MastoStatus | null = null;
    for (let page = 0; page < RECONCILE_PAGES; page += 1) {
      const statuses = await this.api.json<MastoStatus[]>({
        method: 'GET',
        path: `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`,
        query: { limit: 40, exclude_reblogs: true, max_id: maxId },
        what: 'looking for an earlier publication',
        kind: 'read',
      });
      if (!Array.isArray(statuses) || statuses.length === 0) break;
      let older = false;
      for (const status of statuses) {
        if (Date.parse(status.created_at) < since) {
          older = true;
          continue;
        }
        if (status.reblog) continue;
        if ((status.in_reply_to_id ?? null) !== attempt.replyToId) continue;
        if ((status.media_attachments?.length ?? 0) !== attempt.mediaCount) continue;
        const texts = [status.text, htmlToText(status.content)].filter((text): text is string => typeof text === 'string');
        if (!texts.some((text) => comparableText(text) === wanted || comparableText(withoutReplyMentions(text, status.mentions ?? [])) === wanted)) continue;
        const owner = await this.journal.claimedBy(this.serverUrl, status.id);
        if (owner && owner !== attempt.idempotencyKey) continue;
        // Newest first: the last match seen is the earliest, the one the first attempt created.
        found = status;
      }
      if (older) break;
      const last = statuses.at(-1)!.id;
      if (maxId !== undefined && compareIds(last, maxId) >= 0) break; // a server that ignores max_id
      maxId = last;
    }
    if (found) await this.journal.put({ ...attempt, remoteId: found.id });
    return found;
  }

  async getStatus(post: RemotePost): Promise<PostStatus> {
    const response = await this.api.request({ method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(post.remoteId)}`, what: 'reading a post', kind: 'read', allow: [404, 410] });
    if (!response.ok) return { state: 'missing' };
    const status = safeJson<MastoStatus>(response);
    if (!status || typeof status.id !== 'string') return { state: 'missing' };
    return { state: 'published', post: { remoteId: status.id, url: status.url || status.uri } };
  }

  /** Deleting twice is fine (the second finds nothing). A server without deletion (snac2) answers 404 while the status stays: that is reported. */
  async delete(post: RemotePost): Promise<void> {
    const path = `/api/v1/statuses/${encodeURIComponent(post.remoteId)}`;
    const response = await this.api.request({ method: 'DELETE', path, what: 'deleting a post', kind: 'safe-write', budget: 'delete', allow: [404, 405, 501] });
    if (response.ok) return;
    const still = await this.getStatus(post);
    if (still.state === 'published') {
      throw new ConnectorError('rejected', `deleting a post: the instance does not delete statuses through its API (HTTP ${response.status})`, { networkMessage: 'deletion not supported by this server' });
    }
  }

  // -------------------------------------------------------------------------
  // The inbox: notifications
  // -------------------------------------------------------------------------

  /**
   * Notifications after the cursor, oldest first. The first call (no cursor)
   * takes the newest page; later calls page forward from the cursor with
   * `min_id` (following the Link header's "prev" page, which Mastodon builds
   * with the newest id it returned), so nothing is skipped when many came at
   * once, and ids at or below the cursor are dropped, so nothing repeats even
   * on a server that ignores `min_id`.
   */
  async activitySince(cursor: string | null): Promise<ActivityPage> {
    const after = cursor?.startsWith(cursorPrefix) ? cursor.slice(cursorPrefix.length) : null;
    const accountId = await this.accountId();
    const seen: MastoNotification[] = [];
    let newest = after;
    let next: { path: string; query?: Record<string, string | number> } = {
      path: '/api/v1/notifications',
      query: after ? { min_id: after, limit: NOTIFICATION_PAGE } : { limit: NOTIFICATION_PAGE },
    };
    for (let page = 0; page < ACTIVITY_PAGES; page += 1) {
      const response = await this.api.request({ method: 'GET', path: next.path, query: next.query, what: 'reading notifications', kind: 'read' });
      const items = safeJson<MastoNotification[]>(response);
      if (!Array.isArray(items)) throw new ConnectorError('transient', 'reading notifications: the instance’s answer is not a list');
      const fresh = items.filter((item) => item && typeof item.id === 'string' && (newest === null || compareIds(item.id, newest) > 0));
      for (const item of fresh) seen.push(item);
      const top = fresh.reduce<string | null>((max, item) => (max === null || compareIds(item.id, max) > 0 ? item.id : max), newest);
      const advanced = top !== newest;
      newest = top;
      // Only a forward walk needs more pages; the first poll takes one page of the newest.
      if (!after || !advanced || items.length < NOTIFICATION_PAGE) break;
      // Mastodon builds its links on its web domain, which may not be the address Relais uses: their path and query are what count.
      const prev = linkPath(parseLinkHeader(response.headers.get('link')).prev, '/api/v1/notifications');
      next = prev ? { path: prev } : { path: '/api/v1/notifications', query: { min_id: newest!, limit: NOTIFICATION_PAGE } };
    }
    const self = seen.length > 0 ? await this.selfMentions() : [];
    const activities = seen
      .sort((a, b) => compareIds(a.id, b.id))
      .map((notification) => activityOf(notification, { serverUrl: this.serverUrl, self, accountId }))
      .filter((activity): activity is Activity => activity !== null);
    // An account with no notification yet still gets a cursor: the next poll must read everything from
    // the start (min_id 0), not "the most recent page" as a first poll does — a burst in between would be cut.
    return { items: activities, cursor: newest === null ? (cursor ?? `${cursorPrefix}0`) : `${cursorPrefix}${newest}` };
  }

  // -------------------------------------------------------------------------
  // Threads, likes, metrics, search
  // -------------------------------------------------------------------------

  /** The conversation the post belongs to, from its topmost ancestor down (GET /api/v1/statuses/:id/context). */
  async thread(post: RemotePost): Promise<ThreadPost> {
    const id = encodeURIComponent(post.remoteId);
    const status = await this.api.json<MastoStatus>({ method: 'GET', path: `/api/v1/statuses/${id}`, what: 'reading a thread', kind: 'read' });
    const context = await this.api.json<MastoContext>({ method: 'GET', path: `/api/v1/statuses/${id}/context`, what: 'reading a thread', kind: 'read' });
    const all = [...(context.ancestors ?? []), status, ...(context.descendants ?? [])];
    await this.completeDescendants(all);
    return threadOf(status.id, all, { serverUrl: this.serverUrl, self: await this.selfMentions() });
  }

  /**
   * Mastodon's context lists every descendant; some servers (snac2) list only
   * the direct replies. When a post says it has more replies than the thread
   * holds, its own context is read too (a bounded number of times).
   */
  private async completeDescendants(all: MastoStatus[]): Promise<void> {
    const known = new Set(all.map((item) => item.id));
    const asked = new Set<string>();
    for (let extra = 0; extra < THREAD_EXTRA_READS; extra += 1) {
      const incomplete = all.find((item) => {
        if (asked.has(item.id) || !item.replies_count) return false;
        return all.filter((other) => other.in_reply_to_id === item.id).length < item.replies_count;
      });
      if (!incomplete) return;
      asked.add(incomplete.id);
      const more = await this.api.json<MastoContext>({ method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(incomplete.id)}/context`, what: 'reading a thread', kind: 'read' });
      for (const item of more.descendants ?? []) {
        if (known.has(item.id)) continue;
        known.add(item.id);
        all.push(item);
      }
    }
  }

  /** Liking twice is harmless (Mastodon answers the status again), so a lost answer is simply retried. */
  async like(post: RemotePost): Promise<void> {
    // An empty JSON body: Mastodon needs none, snac2 refuses a POST that has no body it can parse.
    await this.api.request({ method: 'POST', path: `/api/v1/statuses/${encodeURIComponent(post.remoteId)}/favourite`, body: {}, what: 'liking a post', kind: 'safe-write' });
  }

  async postMetrics(posts: RemotePost[]): Promise<PostMetrics[]> {
    const results: PostMetrics[] = [];
    for (const post of posts) {
      const response = await this.api.request({ method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(post.remoteId)}`, what: 'reading post metrics', kind: 'read', allow: [404, 410] });
      if (!response.ok) continue; // deleted: no metrics
      const status = safeJson<MastoStatus>(response);
      if (!status) continue;
      results.push({
        remoteId: post.remoteId,
        likes: status.favourites_count ?? 0,
        reposts: status.reblogs_count ?? 0,
        replies: status.replies_count ?? 0,
        quotes: typeof status.quotes_count === 'number' ? status.quotes_count : null,
      });
    }
    return results;
  }

  /**
   * `#tag` alone reads the tag's timeline (every instance has one, paged by
   * `max_id`); anything else is a full-text search (`/api/v2/search`,
   * type=statuses, paged by offset). Mastodon's full-text search only finds
   * what the instance indexed, and nothing at all without Elasticsearch.
   */
  async search(query: string, cursor: string | null): Promise<SearchPage> {
    const tag = /^#([\p{L}\p{N}_]+)$/u.exec(query.trim())?.[1];
    if (tag) {
      const maxId = cursor?.startsWith('tag:') ? cursor.slice(4) : undefined;
      const response = await this.api.request({
        method: 'GET',
        path: `/api/v1/timelines/tag/${encodeURIComponent(tag)}`,
        query: { limit: SEARCH_PAGE, max_id: maxId },
        what: 'reading a hashtag',
        kind: 'read',
      });
      const statuses = safeJson<MastoStatus[]>(response) ?? [];
      const last = statuses.at(-1)?.id;
      const nextMax = parseLinkHeader(response.headers.get('link')).next;
      const nextId = nextMax ? (new URL(nextMax, this.serverUrl).searchParams.get('max_id') ?? last) : statuses.length >= SEARCH_PAGE ? last : undefined;
      return { items: statuses.map((status) => searchItemOf(status, this.serverUrl)), cursor: nextId && nextId !== maxId ? `tag:${nextId}` : null };
    }
    const offset = cursor?.startsWith('offset:') ? Number(cursor.slice(7)) || 0 : 0;
    const result = await this.api.json<MastoSearch>({
      method: 'GET',
      path: '/api/v2/search',
      query: { q: query, type: 'statuses', limit: SEARCH_PAGE, offset, resolve: false },
      what: 'searching posts',
      kind: 'read',
    });
    const statuses = Array.isArray(result?.statuses) ? result.statuses : [];
    return { items: statuses.map((status) => searchItemOf(status, this.serverUrl)), cursor: statuses.length >= SEARCH_PAGE ? `offset:${offset + statuses.length}` : null };
  }

}

export function createMastodonConnector(options: MastodonConnectorOptions): MastodonConnector {
  return new MastodonConnector(options);
}

function safeJson<T>(response: HttpResponse): T | undefined {
  try {
    return response.json<T>();
  } catch {
    return undefined;
  }
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** A Link header's target as a path and query on our instance, when it is the expected endpoint. */
function linkPath(link: string | undefined, expectedPath: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, 'https://instance.invalid');
    return url.pathname === expectedPath ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

/** Whether `text` already mentions `mention` (`@user` or `@user@domain`, any case). */
function mentions(text: string, mention: string): boolean {
  const escaped = mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w@])${escaped}(?![\\w@.-]*\\w)`, 'i').test(text);
}

const extensions: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/heic': '.heic',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/quicktime': '.mov',
};

function uniqueFileName(media: MediaInput): string {
  const given = /\.[A-Za-z0-9]{1,5}$/.exec(media.fileName)?.[0];
  return `relais-${randomUUID()}${given ?? extensions[media.mimeType] ?? ''}`;
}
