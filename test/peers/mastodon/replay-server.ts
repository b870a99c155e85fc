// A stand-in Mastodon instance for connector tests: node:http on 127.0.0.1,
// state in memory, answering the client API the way Mastodon 4.5 documents it
// (docs.joinmastodon.org; each route cites its page). It is not a mock of the
// connector's calls: it validates what a real instance validates (OAuth client,
// redirect URI, PKCE S256, scopes, lengths, media types), keeps the counts,
// notifications and idempotency keys a real one keeps, and pages with the
// same Link headers. Switches produce what tests cannot wait for on a real
// server: a revoked token, a validation error, an exhausted rate limit, slow
// media processing, a lost response.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { arrayField, booleanField, clamp, describeFields, error, headerValue, json, notFound, parseFields, rateHeaders, send, stringField, type Auth, type Ctx, type Handler, type Reply, type Route } from './replay-http.ts';
import { addOAuthRoutes } from './replay-oauth.ts';
import { compareIds, countableLength, ReplayState, type Account, type Media, type Status, type Token, type Visibility } from './replay-state.ts';

export interface ReplayOptions {
  /** configuration.statuses.max_characters (default 500). */
  maxCharacters?: number;
  maxMediaAttachments?: number;
  charactersReservedPerUrl?: number;
  /** Per-account requests per window (Mastodon: 300 per 5 minutes). */
  rateLimit?: { limit: number; windowMs: number };
  /** How many times GET /api/v1/media/:id answers 206 before 200 (default 1; 0 = processed at once, POST answers 200). */
  mediaProcessingPolls?: number;
  /** What the "person" at /oauth/authorize does (default approve). */
  authorization?: 'approve' | 'deny';
  /** Who is signed in to the instance's web interface (default: the first account). */
  authorizeAs?: string;
  /** Behave like servers that ignore the header (snac2): every POST creates a status. */
  ignoreIdempotencyKey?: boolean;
  /** Answer /api/v2/instance with 404, as Mastodon < 4.0 and several compatible servers do. */
  v1InstanceOnly?: boolean;
  /** Mastodon API version in /api/v2/instance (7 = 4.5, with quotes). */
  apiVersion?: number;
  /** The instance's domain: every URL it shows is https://<domain>/… (default replay.test). */
  domain?: string;
  /** Every request waits this long before it is handled, like an instance far away or busy (default 0). */
  latencyMs?: number;
}

export interface Injected {
  /** Matched against method and path (without query). */
  method?: string;
  path: string | RegExp;
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

export type Injection =
  | (Injected & { respond: { status: number; body?: unknown; headers?: Record<string, string> } })
  /** The request is handled, then the connection is cut before the answer: a lost response. */
  | (Injected & { drop: true });

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Form fields (JSON, urlencoded or multipart); files as `{ fileName, type, size }`. */
  fields: Record<string, unknown>;
  status: number;
}

export interface MastodonReplayServer {
  /** Where tests reach it: http://127.0.0.1:<port>. The URLs it shows are https://<domain>/… */
  origin: string;
  port: number;
  state: ReplayState;
  options: Required<Omit<ReplayOptions, 'authorizeAs' | 'domain'>> & { authorizeAs: string | undefined };
  requests: ReceivedRequest[];
  /** The most requests it was handling at once (arrived, not yet answered) since it started. */
  readonly peakInFlight: number;
  /** The same, counting only status creations (POST /api/v1/statuses). */
  readonly peakStatusCreations: number;
  createAccount(username: string, options?: { displayName?: string; note?: string }): Account;
  /** A user token as if the account had authorized an app (for "other side" accounts). */
  issueToken(username: string, scopes?: string[]): string;
  revokeToken(token: string): void;
  inject(injection: Injection): void;
  /** The account's window is spent: the next requests get 429 until `resetAt`. */
  exhaustRateLimit(username: string, resetAt: Date): void;
  /** Statuses of an account, newest first (for assertions). */
  statusesOf(username: string): Status[];
  close(): Promise<void>;
}

const supportedMimeTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif', 'video/webm', 'video/mp4', 'video/quicktime', 'video/ogg', 'audio/wave', 'audio/wav', 'audio/ogg', 'audio/mpeg', 'audio/mp3', 'audio/webm', 'audio/flac'];

export async function startMastodonReplay(input: ReplayOptions = {}): Promise<MastodonReplayServer> {
  const options: MastodonReplayServer['options'] = {
    maxCharacters: input.maxCharacters ?? 500,
    maxMediaAttachments: input.maxMediaAttachments ?? 4,
    charactersReservedPerUrl: input.charactersReservedPerUrl ?? 23,
    rateLimit: input.rateLimit ?? { limit: 300, windowMs: 5 * 60_000 },
    mediaProcessingPolls: input.mediaProcessingPolls ?? 1,
    authorization: input.authorization ?? 'approve',
    authorizeAs: input.authorizeAs,
    ignoreIdempotencyKey: input.ignoreIdempotencyKey ?? false,
    v1InstanceOnly: input.v1InstanceOnly ?? false,
    apiVersion: input.apiVersion ?? 7,
    latencyMs: input.latencyMs ?? 0,
  };
  const state = new ReplayState(input.domain ?? 'replay.test');
  const requests: ReceivedRequest[] = [];
  const injections: Array<Injection & { left: number }> = [];
  const windows = new Map<string, { start: number; count: number; exhaustedUntil?: number }>();

  // -------------------------------------------------------------------------
  // Rate limits (config/initializers/rack_attack.rb): per account, fixed windows
  // aligned on the period; every API answer carries X-RateLimit-*; a 429 says
  // {"error":"Too many requests"} and when the window resets as an ISO date.
  // -------------------------------------------------------------------------
  function rateLimit(accountId: string): { headers: Record<string, string>; limited: boolean } {
    const { limit, windowMs } = options.rateLimit;
    const now = Date.now();
    const start = now - (now % windowMs);
    let window = windows.get(accountId);
    if (!window || window.start !== start) {
      window = { start, count: 0, exhaustedUntil: window?.exhaustedUntil };
      windows.set(accountId, window);
    }
    if (window.exhaustedUntil !== undefined && window.exhaustedUntil > now) {
      return { limited: true, headers: rateHeaders(limit, 0, new Date(window.exhaustedUntil)) };
    }
    window.count += 1;
    const reset = new Date(start + windowMs);
    if (window.count > limit) return { limited: true, headers: rateHeaders(limit, 0, reset) };
    return { limited: false, headers: rateHeaders(limit, limit - window.count, reset) };
  }

  // -------------------------------------------------------------------------
  // Routes
  // -------------------------------------------------------------------------
  const routes: Array<{ method: string; pattern: RegExp; auth: Auth; scope?: 'read' | 'write'; handler: Handler }> = [];
  const route: Route = (method, path, auth, scope, handler) => {
    routes.push({ method, pattern: new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}$`), auth, scope, handler });
  };

  // methods/instance: GET /api/v2/instance (Mastodon 4.0+), GET /api/v1/instance (deprecated, still served).
  route('GET', '/api/v2/instance', 'none', undefined, () => {
    if (options.v1InstanceOnly) return { status: 404, html: '<!DOCTYPE html><html><body>The page you are looking for isn\'t here.</body></html>' };
    return json(200, {
      domain: state.domain,
      title: 'Replay',
      version: '4.5.0',
      source_url: 'https://github.com/mastodon/mastodon',
      description: 'A stand-in Mastodon instance for Relais tests',
      usage: { users: { active_month: state.accounts.size } },
      thumbnail: { url: `${state.origin}/packs/media/images/preview.png`, blurhash: null, versions: {} },
      icon: [],
      languages: ['en'],
      configuration: {
        urls: { streaming: state.origin.replace(/^http/, 'ws'), status: null, about: `${state.origin}/about`, privacy_policy: `${state.origin}/privacy-policy`, terms_of_service: null },
        vapid: { public_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=' },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: { max_characters: options.maxCharacters, max_media_attachments: options.maxMediaAttachments, characters_reserved_per_url: options.charactersReservedPerUrl },
        media_attachments: {
          description_limit: 1500,
          image_matrix_limit: 33177600,
          image_size_limit: 16777216,
          supported_mime_types: supportedMimeTypes,
          video_frame_rate_limit: 120,
          video_matrix_limit: 8294400,
          video_size_limit: 103809024,
        },
        polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
        translation: { enabled: false },
        limited_federation: false,
      },
      registrations: { enabled: false, approval_required: false, reason_required: false, message: null, min_age: null, url: null },
      api_versions: { mastodon: options.apiVersion },
      contact: { email: 'admin@replay.test', account: null },
      rules: [],
    });
  });
  route('GET', '/api/v1/instance', 'none', undefined, () =>
    json(200, {
      uri: state.domain,
      title: 'Replay',
      short_description: 'A stand-in Mastodon instance for Relais tests',
      description: '',
      email: 'admin@replay.test',
      version: options.v1InstanceOnly ? '3.5.3' : '4.5.0',
      urls: { streaming_api: state.origin.replace(/^http/, 'ws') },
      stats: { user_count: state.accounts.size, status_count: state.statuses.size, domain_count: 1 },
      thumbnail: null,
      languages: ['en'],
      registrations: false,
      approval_required: false,
      invites_enabled: false,
      configuration: {
        statuses: { max_characters: options.maxCharacters, max_media_attachments: options.maxMediaAttachments, characters_reserved_per_url: options.charactersReservedPerUrl },
        media_attachments: { supported_mime_types: supportedMimeTypes, image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024, video_frame_rate_limit: 120, video_matrix_limit: 8294400 },
        polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
      },
      contact_account: null,
      rules: [],
    }),
  );

  addOAuthRoutes(route, state, options);

  // methods/accounts#verify_credentials → CredentialAccount
  route('GET', '/api/v1/accounts/verify_credentials', 'user', 'read', ({ viewer }) => json(200, state.accountJson(viewer!, true)));

  // methods/accounts#lookup
  route('GET', '/api/v1/accounts/lookup', 'optional', 'read', ({ url }) => {
    const account = state.accountByUsername(url.searchParams.get('acct') ?? '');
    return account ? json(200, state.accountJson(account)) : notFound();
  });

  // methods/accounts#get
  route('GET', '/api/v1/accounts/:id', 'optional', 'read', ({ params }) => {
    const account = state.accounts.get(params[0]);
    return account ? json(200, state.accountJson(account)) : notFound();
  });

  // methods/accounts#statuses: paged by max_id/since_id/min_id, Link headers; the author sees all of theirs.
  route('GET', '/api/v1/accounts/:id/statuses', 'optional', 'read', (ctx) => {
    const account = state.accounts.get(ctx.params[0]);
    if (!account) return notFound();
    const q = ctx.url.searchParams;
    const statuses = [...state.statuses.values()].filter(
      (status) =>
        status.accountId === account.id &&
        state.canSee(status, ctx.viewer?.id ?? null) &&
        !(q.get('exclude_reblogs') === 'true' && status.reblogOfId) &&
        !(q.get('exclude_replies') === 'true' && status.inReplyToId && status.inReplyToAccountId !== account.id) &&
        !(q.get('only_media') === 'true' && status.mediaIds.length === 0) &&
        !(q.get('tagged') && !status.tags.includes(q.get('tagged')!.toLowerCase())),
    );
    return paged(ctx, statuses, 20, 40, (status) => state.statusJson(status, ctx.viewer?.id ?? null));
  });

  // methods/accounts#follow → Relationship; a `follow` notification.
  route('POST', '/api/v1/accounts/:id/follow', 'user', 'write', ({ params, viewer }) => {
    const target = state.accounts.get(params[0]);
    if (!target) return notFound();
    if (!target.followers.has(viewer!.id)) {
      target.followers.add(viewer!.id);
      viewer!.following.add(target.id);
      state.notify(target.id, 'follow', viewer!.id, null);
    }
    return json(200, relationship(viewer!, target));
  });
  route('POST', '/api/v1/accounts/:id/unfollow', 'user', 'write', ({ params, viewer }) => {
    const target = state.accounts.get(params[0]);
    if (!target) return notFound();
    target.followers.delete(viewer!.id);
    viewer!.following.delete(target.id);
    return json(200, relationship(viewer!, target));
  });

  // methods/statuses#create, with Idempotency-Key ("stored for up to 1 hour").
  route('POST', '/api/v1/statuses', 'user', 'write', ({ fields, viewer, request, token }) => {
    const key = headerValue(request.headers['idempotency-key']);
    const idempotencyKey = key && !options.ignoreIdempotencyKey ? `${viewer!.id}:${key}` : null;
    if (idempotencyKey) {
      const earlier = state.idempotency.get(idempotencyKey);
      if (earlier && Date.now() - earlier.at < 3_600_000 && state.statuses.has(earlier.statusId)) return json(200, state.statusJson(state.statuses.get(earlier.statusId)!, viewer!.id));
    }
    const text = stringField(fields.status);
    const mediaIds = arrayField(fields.media_ids);
    const spoilerText = stringField(fields.spoiler_text);
    if (text.trim() === '' && mediaIds.length === 0) return error(422, "Validation failed: Text can't be blank");
    if (countableLength(text, options.charactersReservedPerUrl) + countableLength(spoilerText, options.charactersReservedPerUrl) > options.maxCharacters) {
      return error(422, `Validation failed: Text character limit of ${options.maxCharacters} exceeded`);
    }
    if (mediaIds.length > options.maxMediaAttachments) return error(422, `Cannot attach more than ${options.maxMediaAttachments} files`);
    const media = mediaIds.map((id) => state.media.get(id)).filter((item): item is Media => item !== undefined && item.accountId === viewer!.id && item.statusId === null);
    if (media.some((item) => item.pendingPolls > 0)) return error(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
    if (media.some((item) => item.type === 'video') && media.length > 1) return error(422, 'Cannot attach a video to a post that already contains images');
    let inReplyTo: Status | undefined;
    const inReplyToId = stringField(fields.in_reply_to_id);
    if (inReplyToId) {
      inReplyTo = state.statuses.get(inReplyToId);
      if (!inReplyTo || !state.canSee(inReplyTo, viewer!.id)) return error(404, 'The post you are trying to reply to does not appear to exist.');
    }
    let quoted: Status | undefined;
    const quotedId = stringField(fields.quoted_status_id);
    if (quotedId) {
      quoted = state.statuses.get(quotedId);
      if (!quoted || !state.canSee(quoted, viewer!.id) || quoted.visibility === 'direct') return error(422, 'Validation failed: Quoted status is not quotable');
    }
    const visibilityField = stringField(fields.visibility);
    if (visibilityField && !['public', 'unlisted', 'private', 'direct'].includes(visibilityField)) return error(422, 'Validation failed: Visibility is not included in the list');
    const visibility = (visibilityField || viewer!.defaultVisibility) as Visibility;
    const status: Status = {
      id: state.ids.next(),
      accountId: viewer!.id,
      text,
      spoilerText,
      sensitive: booleanField(fields.sensitive),
      visibility,
      language: stringField(fields.language) || 'en',
      inReplyToId: inReplyTo?.id ?? null,
      inReplyToAccountId: inReplyTo?.accountId ?? null,
      reblogOfId: null,
      quotedStatusId: quoted?.id ?? null,
      mediaIds: media.map((item) => item.id),
      mentionIds: state.mentionsIn(text),
      tags: state.tagsIn(text),
      createdAt: new Date(),
      favouritedBy: new Set(),
      application: appOf(token),
    };
    state.statuses.set(status.id, status);
    for (const item of media) item.statusId = status.id;
    if (idempotencyKey) state.idempotency.set(idempotencyKey, { statusId: status.id, at: Date.now() });
    for (const id of status.mentionIds) state.notify(id, 'mention', viewer!.id, status.id);
    if (quoted && !status.mentionIds.includes(quoted.accountId)) state.notify(quoted.accountId, 'quote', viewer!.id, status.id);
    return json(200, state.statusJson(status, viewer!.id));
  });

  // methods/statuses#get
  route('GET', '/api/v1/statuses/:id', 'optional', 'read', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    return status && state.canSee(status, viewer?.id ?? null) ? json(200, state.statusJson(status, viewer?.id ?? null)) : notFound();
  });

  // methods/statuses#delete → the status with its source `text`; its notifications go with it.
  route('DELETE', '/api/v1/statuses/:id', 'user', 'write', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    if (!status || status.accountId !== viewer!.id) return notFound();
    const body = { ...state.statusJson(status, viewer!.id), text: status.text };
    state.statuses.delete(status.id);
    for (let index = state.notifications.length - 1; index >= 0; index -= 1) if (state.notifications[index].statusId === status.id) state.notifications.splice(index, 1);
    for (const other of [...state.statuses.values()]) if (other.reblogOfId === status.id) state.statuses.delete(other.id);
    return json(200, body);
  });

  // methods/statuses#context: ancestors oldest first, descendants depth-first.
  route('GET', '/api/v1/statuses/:id/context', 'optional', 'read', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    const viewerId = viewer?.id ?? null;
    if (!status || !state.canSee(status, viewerId)) return notFound();
    const ancestors: Status[] = [];
    for (let parent = status.inReplyToId ? state.statuses.get(status.inReplyToId) : undefined; parent; parent = parent.inReplyToId ? state.statuses.get(parent.inReplyToId) : undefined) {
      if (state.canSee(parent, viewerId)) ancestors.unshift(parent);
    }
    const descendants: Status[] = [];
    const walk = (id: string) => {
      const children = [...state.statuses.values()].filter((other) => other.inReplyToId === id).sort((a, b) => compareIds(a.id, b.id));
      for (const child of children) {
        if (!state.canSee(child, viewerId)) continue;
        descendants.push(child);
        walk(child.id);
      }
    };
    walk(status.id);
    return json(200, { ancestors: ancestors.map((item) => state.statusJson(item, viewerId)), descendants: descendants.map((item) => state.statusJson(item, viewerId)) });
  });

  // methods/statuses#favourite (idempotent; a `favourite` notification the first time)
  route('POST', '/api/v1/statuses/:id/favourite', 'user', 'write', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    if (!status || !state.canSee(status, viewer!.id)) return notFound();
    if (!status.favouritedBy.has(viewer!.id)) {
      status.favouritedBy.add(viewer!.id);
      state.notify(status.accountId, 'favourite', viewer!.id, status.id);
    }
    return json(200, state.statusJson(status, viewer!.id));
  });
  route('POST', '/api/v1/statuses/:id/unfavourite', 'user', 'write', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    if (!status || !state.canSee(status, viewer!.id)) return notFound();
    status.favouritedBy.delete(viewer!.id);
    return json(200, state.statusJson(status, viewer!.id));
  });

  // methods/statuses#favourited_by, #reblogged_by: accounts, newest first (paged by internal ids; one page here).
  route('GET', '/api/v1/statuses/:id/favourited_by', 'optional', 'read', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    if (!status || !state.canSee(status, viewer?.id ?? null)) return notFound();
    return json(200, [...status.favouritedBy].reverse().map((id) => state.accountJson(state.accounts.get(id)!)));
  });
  route('GET', '/api/v1/statuses/:id/reblogged_by', 'optional', 'read', ({ params, viewer }) => {
    const status = state.statuses.get(params[0]);
    if (!status || !state.canSee(status, viewer?.id ?? null)) return notFound();
    const ids = [...state.statuses.values()].filter((other) => other.reblogOfId === status.id).map((other) => other.accountId);
    return json(200, ids.reverse().map((id) => state.accountJson(state.accounts.get(id)!)));
  });

  // methods/statuses#boost → the reblog (a wrapper status whose `reblog` is the original); a `reblog` notification.
  route('POST', '/api/v1/statuses/:id/reblog', 'user', 'write', ({ params, viewer, token }) => {
    const original = state.statuses.get(params[0]);
    if (!original || !state.canSee(original, viewer!.id)) return notFound();
    if (original.visibility === 'private' || original.visibility === 'direct') return error(422, 'Validation failed: Reblog of status is not permitted');
    const existing = [...state.statuses.values()].find((other) => other.reblogOfId === original.id && other.accountId === viewer!.id);
    if (existing) return json(200, state.statusJson(existing, viewer!.id));
    const reblog: Status = {
      id: state.ids.next(), accountId: viewer!.id, text: '', spoilerText: '', sensitive: false, visibility: 'public', language: null,
      inReplyToId: null, inReplyToAccountId: null, reblogOfId: original.id, quotedStatusId: null, mediaIds: [], mentionIds: [], tags: [],
      createdAt: new Date(), favouritedBy: new Set(), application: appOf(token),
    };
    state.statuses.set(reblog.id, reblog);
    state.notify(original.accountId, 'reblog', viewer!.id, original.id);
    return json(200, state.statusJson(reblog, viewer!.id));
  });

  // methods/media#v2: 202 with url null while processing (200 when processed at once); 422 on a bad type.
  const upload = (async2: boolean) => async ({ fields, viewer }: Ctx): Promise<Reply> => {
    const file = fields.file;
    if (!(file instanceof File)) return error(422, "Validation failed: File can't be blank");
    const type = file.type.split(';')[0].trim();
    if (!supportedMimeTypes.includes(type)) return error(422, 'Validation failed: File content type is invalid, File is invalid');
    const description = stringField(fields.description);
    if (description.length > 1500) return error(422, 'Validation failed: Description is too long (maximum is 1500 characters)');
    const media: Media = {
      id: state.ids.next(),
      accountId: viewer!.id,
      type: type.startsWith('image/') ? (type === 'image/gif' ? 'gifv' : 'image') : type.startsWith('video/') ? 'video' : 'audio',
      fileName: file.name,
      mimeType: type,
      bytes: new Uint8Array(await file.arrayBuffer()),
      description: description || null,
      pendingPolls: async2 ? options.mediaProcessingPolls : 0,
      statusId: null,
    };
    state.media.set(media.id, media);
    return json(media.pendingPolls > 0 ? 202 : 200, state.mediaJson(media));
  };
  route('POST', '/api/v2/media', 'user', 'write', upload(true));
  route('POST', '/api/v1/media', 'user', 'write', upload(false));

  // methods/media#get: 206 while processing, 200 once it has a URL.
  route('GET', '/api/v1/media/:id', 'user', 'write', ({ params, viewer }) => {
    const media = state.media.get(params[0]);
    if (!media || media.accountId !== viewer!.id) return notFound();
    if (media.pendingPolls > 0) {
      media.pendingPolls -= 1;
      return json(206, state.mediaJson({ ...media, pendingPolls: 1 }));
    }
    return json(200, state.mediaJson(media));
  });
  route('GET', '/system/media_attachments/files/:id/:size/:name', 'none', undefined, ({ params, response }) => {
    const media = state.media.get(params[0]);
    if (!media || (params[1] === 'original' && media.pendingPolls > 0)) return notFound();
    response.setHeader('content-type', media.mimeType);
    return { status: 200, body: media.bytes };
  });

  // methods/notifications#get: newest first; max_id/since_id/min_id; types[]/exclude_types[]; Link headers.
  route('GET', '/api/v1/notifications', 'user', 'read', (ctx) => {
    const q = ctx.url.searchParams;
    const types = q.getAll('types[]');
    const excluded = q.getAll('exclude_types[]');
    const accountId = q.get('account_id');
    const items = state.notifications.filter(
      (notification) =>
        notification.recipientId === ctx.viewer!.id &&
        (types.length === 0 || types.includes(notification.type)) &&
        !excluded.includes(notification.type) &&
        (!accountId || notification.fromAccountId === accountId) &&
        (notification.statusId === null || state.statuses.has(notification.statusId)),
    );
    return paged(ctx, items, 40, 80, (notification) => state.notificationJson(notification), ['types', 'exclude_types', 'account_id']);
  });
  route('GET', '/api/v1/notifications/:id', 'user', 'read', ({ params, viewer }) => {
    const notification = state.notifications.find((item) => item.id === params[0] && item.recipientId === viewer!.id);
    return notification ? json(200, state.notificationJson(notification)) : notFound();
  });

  // methods/search#v2: type=statuses, offset paging; a stand-in for an instance with full-text search.
  route('GET', '/api/v2/search', 'optional', 'read', ({ url, viewer }) => {
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    const type = url.searchParams.get('type');
    const limit = clamp(Number(url.searchParams.get('limit') ?? 20), 1, 40);
    const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
    if (!viewer && offset > 0) return error(401, 'Search queries with offset are not supported without authentication');
    const statuses =
      !type || type === 'statuses'
        ? [...state.statuses.values()]
            .filter((status) => status.visibility === 'public' && !status.reblogOfId && q !== '' && status.text.toLowerCase().includes(q))
            .sort((a, b) => compareIds(b.id, a.id))
            .slice(offset, offset + limit)
        : [];
    const accounts =
      !type || type === 'accounts' ? [...state.accounts.values()].filter((account) => q !== '' && account.username.toLowerCase().includes(q.replace(/^@/, ''))).slice(0, limit) : [];
    return json(200, { accounts: accounts.map((account) => state.accountJson(account)), statuses: statuses.map((status) => state.statusJson(status, viewer?.id ?? null)), hashtags: [] });
  });

  // methods/timelines#tag: public statuses with the tag, paged with Link headers.
  route('GET', '/api/v1/timelines/tag/:hashtag', 'optional', 'read', (ctx) => {
    const tag = decodeURIComponent(ctx.params[0]).toLowerCase();
    const statuses = [...state.statuses.values()].filter((status) => status.visibility === 'public' && !status.reblogOfId && status.tags.includes(tag));
    return paged(ctx, statuses, 20, 40, (status) => state.statusJson(status, ctx.viewer?.id ?? null));
  });

  // -------------------------------------------------------------------------
  // Paging (app/controllers/concerns/api/pagination.rb and Paginable): newest
  // first; min_id takes the page just above it; Link next = max_id of the last
  // item, prev = min_id of the first; no Link on an empty page.
  // -------------------------------------------------------------------------
  function paged<T extends { id: string }>(ctx: Ctx, all: T[], defaultLimit: number, maxLimit: number, show: (item: T) => unknown, keep: string[] = []): Reply {
    const q = ctx.url.searchParams;
    const limit = clamp(Number(q.get('limit') ?? defaultLimit) || defaultLimit, 1, maxLimit);
    const maxId = q.get('max_id');
    const sinceId = q.get('since_id');
    const minId = q.get('min_id');
    let items = all.filter((item) => (!maxId || compareIds(item.id, maxId) < 0) && (!sinceId || compareIds(item.id, sinceId) > 0) && (!minId || compareIds(item.id, minId) > 0));
    items.sort((a, b) => compareIds(b.id, a.id));
    items = minId ? items.slice(-limit) : items.slice(0, limit);
    const headers: Record<string, string> = {};
    if (items.length > 0) {
      const base = (param: string, id: string) => {
        const link = new URL(ctx.path, state.origin);
        link.searchParams.set('limit', String(q.get('limit') ?? limit));
        for (const name of keep) {
          for (const value of q.getAll(`${name}[]`)) link.searchParams.append(`${name}[]`, value);
          if (q.has(name)) link.searchParams.set(name, q.get(name)!);
        }
        link.searchParams.set(param, id);
        return link.toString();
      };
      headers.link = `<${base('max_id', items.at(-1)!.id)}>; rel="next", <${base('min_id', items[0].id)}>; rel="prev"`;
    }
    return json(200, items.map(show), headers);
  }

  function relationship(viewer: Account, target: Account): Record<string, unknown> {
    return {
      id: target.id, following: target.followers.has(viewer.id), showing_reblogs: true, notifying: false, languages: null,
      followed_by: viewer.followers.has(target.id), blocking: false, blocked_by: false, muting: false, muting_notifications: false,
      requested: false, requested_by: false, domain_blocking: false, endorsed: false, note: '',
    };
  }

  function appOf(token: Token | null): { name: string; website: string | null } | null {
    const app = token?.clientId ? state.apps.get(token.clientId) : undefined;
    return app ? { name: app.name, website: app.website } : { name: 'Web', website: null };
  }

  // -------------------------------------------------------------------------
  // The server
  // -------------------------------------------------------------------------
  async function handle(request: IncomingMessage, response: ServerResponse, raw: Buffer): Promise<number> {
    const url = new URL(request.url ?? '/', state.origin);
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    let fields: Record<string, unknown>;
    try {
      fields = await parseFields(request, raw);
    } catch {
      return send(response, error(400, 'Error occurred while parsing request parameters'));
    }
    const record: ReceivedRequest = { method, path, query: url.searchParams, headers: request.headers, fields: describeFields(fields), status: 0 };
    requests.push(record);

    const injected = injections.find((item) => item.left > 0 && (!item.method || item.method === method) && (typeof item.path === 'string' ? item.path === path : item.path.test(path)));
    if (injected) injected.left -= 1;
    if (injected && 'respond' in injected) return (record.status = send(response, { status: injected.respond.status, body: injected.respond.body ?? {}, headers: injected.respond.headers }));

    let found: { item: (typeof routes)[number]; match: RegExpExecArray } | undefined;
    for (const item of routes) {
      const match = item.method === method ? item.pattern.exec(path) : null;
      if (match) {
        found = { item, match };
        break;
      }
    }
    if (!found) {
      const known = routes.some((item) => item.pattern.test(path));
      if (known) return (record.status = send(response, error(405, 'Method not allowed')));
      if (path.startsWith('/api/')) return (record.status = send(response, notFound()));
      return (record.status = send(response, { status: 404, html: '<!DOCTYPE html><html><body><h1>The page you are looking for isn\'t here.</h1></body></html>' }));
    }
    const { item } = found;
    const ctx: Ctx = { request, response, url, path, params: found.match.slice(1).map(decodeURIComponent), fields, token: null, viewer: null, drop: false };
    const headers: Record<string, string> = {};
    if (item.auth !== 'none') {
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const token = bearer ? state.tokens.get(bearer) : undefined;
      if (bearer && (!token || token.revoked)) return (record.status = send(response, error(401, 'The access token is invalid')));
      if (!token && item.auth === 'user') return (record.status = send(response, error(401, 'The access token is invalid')));
      if (token) {
        if (item.scope && !token.scopes.some((scope) => scope === item.scope || scope.startsWith(`${item.scope}:`))) return (record.status = send(response, error(403, 'This action is outside the authorized scopes')));
        if (item.auth === 'user' && token.accountId === null) return (record.status = send(response, error(422, 'This method requires an authenticated user')));
        ctx.token = token;
        ctx.viewer = token.accountId ? (state.accounts.get(token.accountId) ?? null) : null;
        if (ctx.viewer) {
          const limited = rateLimit(ctx.viewer.id);
          Object.assign(headers, limited.headers);
          if (limited.limited) return (record.status = send(response, error(429, 'Too many requests'), headers));
        }
      }
    }
    const reply = await item.handler(ctx);
    if (injected && 'drop' in injected) {
      record.status = -1;
      request.socket.destroy();
      return -1;
    }
    return (record.status = send(response, reply, headers));
  }

  const held = { all: 0, creations: 0 };
  const peaks = { all: 0, creations: 0 };
  const server = createServer((request, response) => {
    const creation = request.method === 'POST' && request.url?.split('?')[0] === '/api/v1/statuses';
    held.all += 1;
    if (creation) held.creations += 1;
    peaks.all = Math.max(peaks.all, held.all);
    peaks.creations = Math.max(peaks.creations, held.creations);
    response.once('close', () => {
      held.all -= 1;
      if (creation) held.creations -= 1;
    });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = () =>
        handle(request, response, Buffer.concat(chunks)).catch((failure: unknown) => {
          send(response, error(500, `replay server: ${(failure as Error).message}`));
        });
      if (options.latencyMs > 0) setTimeout(answer, options.latencyMs);
      else void answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    state,
    options,
    requests,
    get peakInFlight() {
      return peaks.all;
    },
    get peakStatusCreations() {
      return peaks.creations;
    },
    createAccount: (username, accountOptions) => state.createAccount(username, accountOptions),
    issueToken(username, scopes = ['read', 'write', 'follow']) {
      const account = state.accountByUsername(username);
      if (!account) throw new Error(`no account ${username}`);
      return state.issueToken(account.id, scopes).token;
    },
    revokeToken(token) {
      const found = state.tokens.get(token);
      if (found) found.revoked = true;
    },
    inject(injection) {
      injections.push({ ...injection, left: injection.times ?? 1 });
    },
    exhaustRateLimit(username, resetAt) {
      const account = state.accountByUsername(username);
      if (!account) throw new Error(`no account ${username}`);
      windows.set(account.id, { start: 0, count: Number.MAX_SAFE_INTEGER, exhaustedUntil: resetAt.getTime() });
    },
    statusesOf(username) {
      const account = state.accountByUsername(username);
      return [...state.statuses.values()].filter((status) => status.accountId === account?.id).sort((a, b) => compareIds(b.id, a.id));
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
