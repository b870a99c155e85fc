// The in-memory world of the Mastodon replay server (replay-server.ts): accounts,
// statuses, media, notifications, OAuth apps, grants and tokens, and how each is
// shown in the API's JSON. Shapes follow docs.joinmastodon.org (entities/Account,
// Status, MediaAttachment, Notification, Application, Token, Relationship,
// Context, Search, Instance, V1_Instance) — field names, types and nullability as
// documented, so the connector reads what a real instance would send.
import { randomBytes } from 'node:crypto';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  note: string;
  createdAt: Date;
  bot: boolean;
  locked: boolean;
  followers: Set<string>;
  following: Set<string>;
  defaultVisibility: Visibility;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface Status {
  id: string;
  accountId: string;
  text: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: Visibility;
  language: string | null;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  reblogOfId: string | null;
  quotedStatusId: string | null;
  mediaIds: string[];
  mentionIds: string[];
  tags: string[];
  createdAt: Date;
  favouritedBy: Set<string>;
  application: { name: string; website: string | null } | null;
}

export interface Media {
  id: string;
  accountId: string;
  type: 'image' | 'video' | 'gifv' | 'audio' | 'unknown';
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  description: string | null;
  /** GET /api/v1/media/:id answers 206 this many more times before 200. */
  pendingPolls: number;
  statusId: string | null;
}

export type NotificationType = 'mention' | 'reblog' | 'favourite' | 'follow' | 'quote' | 'status' | 'update' | 'poll' | 'follow_request';

export interface Notification {
  id: string;
  recipientId: string;
  type: NotificationType;
  fromAccountId: string;
  statusId: string | null;
  createdAt: Date;
}

export interface App {
  id: string;
  name: string;
  website: string | null;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
}

export interface Grant {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  accountId: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
  used: boolean;
}

export interface Token {
  token: string;
  clientId: string | null;
  accountId: string | null;
  scopes: string[];
  createdAt: Date;
  revoked: boolean;
}

/** Mastodon's ids are snowflakes: milliseconds shifted left 16 bits plus a sequence, as decimal strings. */
export class Snowflakes {
  private last = 0n;
  next(at = Date.now()): string {
    let id = (BigInt(at) << 16n) | BigInt(Math.floor(Math.random() * 0xff));
    if (id <= this.last) id = this.last + 1n;
    this.last = id;
    return id.toString();
  }
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function secret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The statuses, with what rendering one needs kept up to date as they come and go (replies,
 * reblogs and quotes of each, each account's own): a status shows its counters, and scanning
 * every status for each one shown made the server slower with every status it held.
 */
export class StatusTable extends Map<string, Status> {
  readonly #replies = new Map<string, number>();
  readonly #quotes = new Map<string, number>();
  /** Reblogs of a status: the reblog statuses' ids. */
  readonly #reblogs = new Map<string, Set<string>>();
  readonly #byAccount = new Map<string, Set<string>>();

  override set(id: string, status: Status): this {
    this.#forget(id);
    super.set(id, status);
    this.#remember(status);
    return this;
  }

  override delete(id: string): boolean {
    this.#forget(id);
    return super.delete(id);
  }

  override clear(): void {
    for (const index of [this.#replies, this.#quotes, this.#reblogs, this.#byAccount]) index.clear();
    super.clear();
  }

  replyCount(id: string): number {
    return this.#replies.get(id) ?? 0;
  }

  quoteCount(id: string): number {
    return this.#quotes.get(id) ?? 0;
  }

  reblogsOf(id: string): Status[] {
    return [...(this.#reblogs.get(id) ?? [])].map((reblogId) => this.get(reblogId)!);
  }

  ofAccount(accountId: string): Status[] {
    return [...(this.#byAccount.get(accountId) ?? [])].map((id) => this.get(id)!);
  }

  #remember(status: Status): void {
    if (status.inReplyToId) this.#replies.set(status.inReplyToId, this.replyCount(status.inReplyToId) + 1);
    if (status.quotedStatusId) this.#quotes.set(status.quotedStatusId, this.quoteCount(status.quotedStatusId) + 1);
    if (status.reblogOfId) this.#reblogs.set(status.reblogOfId, (this.#reblogs.get(status.reblogOfId) ?? new Set()).add(status.id));
    this.#byAccount.set(status.accountId, (this.#byAccount.get(status.accountId) ?? new Set()).add(status.id));
  }

  #forget(id: string): void {
    const status = this.get(id);
    if (!status) return;
    if (status.inReplyToId) this.#replies.set(status.inReplyToId, this.replyCount(status.inReplyToId) - 1);
    if (status.quotedStatusId) this.#quotes.set(status.quotedStatusId, this.quoteCount(status.quotedStatusId) - 1);
    if (status.reblogOfId) this.#reblogs.get(status.reblogOfId)?.delete(id);
    this.#byAccount.get(status.accountId)?.delete(id);
  }
}

export class ReplayState {
  readonly ids = new Snowflakes();
  readonly accounts = new Map<string, Account>();
  readonly statuses = new StatusTable();
  readonly media = new Map<string, Media>();
  readonly notifications: Notification[] = [];
  readonly apps = new Map<string, App>();
  readonly grants = new Map<string, Grant>();
  readonly tokens = new Map<string, Token>();
  /** `${accountId}:${key}` → status id and when it was stored (Mastodon keeps keys for an hour). */
  readonly idempotency = new Map<string, { statusId: string; at: number }>();
  /**
   * Where the instance says it lives: like a real one behind its TLS proxy,
   * every URL it shows is https://<domain>/…, whatever address the test
   * reaches it at (LOCAL_DOMAIN / WEB_DOMAIN in Mastodon's configuration).
   */
  origin: string;
  domain: string;

  constructor(domain: string) {
    this.domain = domain;
    this.origin = `https://${domain}`;
  }

  createAccount(username: string, options: { displayName?: string; note?: string; bot?: boolean } = {}): Account {
    if (this.accountByUsername(username)) throw new Error(`account ${username} exists`);
    const account: Account = {
      id: this.ids.next(),
      username,
      displayName: options.displayName ?? username,
      note: options.note ?? '',
      createdAt: new Date(),
      bot: options.bot ?? false,
      locked: false,
      followers: new Set(),
      following: new Set(),
      defaultVisibility: 'public',
    };
    this.accounts.set(account.id, account);
    return account;
  }

  accountByUsername(username: string): Account | undefined {
    const wanted = username.replace(/^@/, '').replace(new RegExp(`@${escapeRegExp(this.domain)}$`, 'i'), '').toLowerCase();
    for (const account of this.accounts.values()) if (account.username.toLowerCase() === wanted) return account;
    return undefined;
  }

  issueToken(accountId: string | null, scopes: string[], clientId: string | null = null): Token {
    const token: Token = { token: secret(32), clientId, accountId, scopes, createdAt: new Date(), revoked: false };
    this.tokens.set(token.token, token);
    return token;
  }

  /** Whether `viewerId` may see the status (Mastodon's StatusPolicy#show?, simplified to what tests need). */
  canSee(status: Status, viewerId: string | null): boolean {
    if (status.visibility === 'public' || status.visibility === 'unlisted') return true;
    if (viewerId === null) return false;
    if (status.accountId === viewerId || status.mentionIds.includes(viewerId)) return true;
    return status.visibility === 'private' && this.accounts.get(status.accountId)!.followers.has(viewerId);
  }

  notify(recipientId: string, type: NotificationType, fromAccountId: string, statusId: string | null): void {
    if (recipientId === fromAccountId) return;
    this.notifications.push({ id: this.ids.next(), recipientId, type, fromAccountId, statusId, createdAt: new Date() });
  }

  // -------------------------------------------------------------------------
  // JSON, as the API shows it
  // -------------------------------------------------------------------------

  accountUrl(account: Account): string {
    return `${this.origin}/@${account.username}`;
  }

  /** entities/Account; `withSource` adds what verify_credentials adds (CredentialAccount). */
  accountJson(account: Account, withSource = false): Record<string, unknown> {
    const statuses = this.statuses.ofAccount(account.id);
    const last = statuses.reduce<Date | null>((max, status) => (max === null || status.createdAt > max ? status.createdAt : max), null);
    const json: Record<string, unknown> = {
      id: account.id,
      username: account.username,
      acct: account.username,
      display_name: account.displayName,
      locked: account.locked,
      bot: account.bot,
      discoverable: true,
      indexable: true,
      group: false,
      created_at: midnight(account.createdAt),
      note: account.note ? `<p>${escapeHtml(account.note)}</p>` : '',
      url: this.accountUrl(account),
      uri: `${this.origin}/users/${account.username}`,
      avatar: `${this.origin}/avatars/original/missing.png`,
      avatar_static: `${this.origin}/avatars/original/missing.png`,
      header: `${this.origin}/headers/original/missing.png`,
      header_static: `${this.origin}/headers/original/missing.png`,
      followers_count: account.followers.size,
      following_count: account.following.size,
      statuses_count: statuses.length,
      last_status_at: last ? last.toISOString().slice(0, 10) : null,
      hide_collections: false,
      noindex: false,
      emojis: [],
      roles: [],
      fields: [],
    };
    if (withSource) {
      json.source = {
        privacy: account.defaultVisibility,
        sensitive: false,
        language: '',
        note: account.note,
        fields: [],
        follow_requests_count: 0,
        hide_collections: false,
        discoverable: true,
        indexable: true,
        attribution_domains: [],
        quote_policy: 'public',
      };
      json.role = { id: '-99', name: '', permissions: '0', color: '', highlighted: false };
    }
    return json;
  }

  mediaJson(media: Media): Record<string, unknown> {
    const ready = media.pendingPolls <= 0;
    const path = `${this.origin}/system/media_attachments/files/${media.id}`;
    return {
      id: media.id,
      type: media.type,
      url: ready ? `${path}/original/${encodeURIComponent(media.fileName)}` : null,
      preview_url: `${path}/small/${encodeURIComponent(media.fileName)}`,
      remote_url: null,
      preview_remote_url: null,
      text_url: null,
      meta: media.type === 'image' ? { original: { width: 1, height: 1, size: '1x1', aspect: 1 }, small: { width: 1, height: 1, size: '1x1', aspect: 1 } } : {},
      description: media.description,
      blurhash: media.type === 'image' ? 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}' : null,
    };
  }

  statusUrl(status: Status): string {
    return `${this.accountUrl(this.accounts.get(status.accountId)!)}/${status.id}`;
  }

  /** entities/Status, as `viewerId` sees it (favourited, reblogged); quotes nest one level, as Mastodon's do. */
  statusJson(status: Status, viewerId: string | null, depth = 0): Record<string, unknown> {
    const account = this.accounts.get(status.accountId)!;
    const reblog = status.reblogOfId ? this.statuses.get(status.reblogOfId) : undefined;
    const quoted = status.quotedStatusId ? this.statuses.get(status.quotedStatusId) : undefined;
    let quote: Record<string, unknown> | null = null;
    if (status.quotedStatusId) {
      quote =
        depth === 0 && quoted && this.canSee(quoted, viewerId)
          ? { state: 'accepted', quoted_status: this.statusJson(quoted, viewerId, depth + 1) }
          : { state: quoted ? 'accepted' : 'deleted', quoted_status_id: quoted ? quoted.id : null };
    }
    return {
      id: status.id,
      created_at: status.createdAt.toISOString(),
      in_reply_to_id: status.inReplyToId,
      in_reply_to_account_id: status.inReplyToAccountId,
      sensitive: status.sensitive,
      spoiler_text: status.spoilerText,
      visibility: status.visibility,
      language: status.language,
      uri: `${this.origin}/users/${account.username}/statuses/${status.id}`,
      url: reblog ? null : this.statusUrl(status),
      replies_count: this.statuses.replyCount(status.id),
      reblogs_count: this.statuses.reblogsOf(status.id).length,
      favourites_count: status.favouritedBy.size,
      quotes_count: this.statuses.quoteCount(status.id),
      edited_at: null,
      favourited: viewerId !== null && status.favouritedBy.has(viewerId),
      reblogged: viewerId !== null && this.statuses.reblogsOf(status.id).some((other) => other.accountId === viewerId),
      muted: false,
      bookmarked: false,
      pinned: false,
      content: reblog ? '' : this.contentHtml(status),
      filtered: [],
      reblog: reblog ? this.statusJson(reblog, viewerId, depth + 1) : null,
      application: status.application,
      account: this.accountJson(account),
      media_attachments: status.mediaIds.map((id) => this.mediaJson(this.media.get(id)!)),
      mentions: status.mentionIds.map((id) => {
        const mentioned = this.accounts.get(id)!;
        return { id, username: mentioned.username, url: this.accountUrl(mentioned), acct: mentioned.username };
      }),
      tags: status.tags.map((name) => ({ name, url: `${this.origin}/tags/${encodeURIComponent(name)}` })),
      emojis: [],
      quote,
      quote_approval: { automatic: ['public'], manual: [], current_user: 'automatic' },
      card: null,
      poll: null,
    };
  }

  /**
   * The HTML Mastodon renders from a status's text (app/lib/text_formatter.rb):
   * paragraphs for blank lines, <br /> for line breaks, links split into
   * invisible/ellipsis spans, mentions and hashtags as links.
   */
  contentHtml(status: Status): string {
    const paragraphs = status.text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
    const render = (line: string) =>
      line.replace(/(https?:\/\/[^\s<>"]+)|(@[\w.-]+(?:@[\w.-]+\w)?)|(#[\p{L}\p{N}_]+)|([^@#h]+|.)/gu, (whole, url?: string, mention?: string, tag?: string) => {
        if (url) {
          const match = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url)!;
          const visible = match[2].length > 30 ? match[2].slice(0, 30) : match[2];
          const rest = match[2].slice(visible.length);
          return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeHtml(match[1])}</span><span class="${rest ? 'ellipsis' : ''}">${escapeHtml(visible)}</span><span class="invisible">${escapeHtml(rest)}</span></a>`;
        }
        if (mention) {
          const account = this.accountByUsername(mention.slice(1));
          if (!account) return escapeHtml(mention);
          return `<span class="h-card" translate="no"><a href="${this.accountUrl(account)}" class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`;
        }
        if (tag) return `<a href="${this.origin}/tags/${encodeURIComponent(tag.slice(1).toLowerCase())}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag.slice(1))}</span></a>`;
        return escapeHtml(whole);
      });
    return paragraphs.map((paragraph) => `<p>${paragraph.split('\n').map(render).join('<br />')}</p>`).join('');
  }

  notificationJson(notification: Notification): Record<string, unknown> {
    const status = notification.statusId ? this.statuses.get(notification.statusId) : undefined;
    const json: Record<string, unknown> = {
      id: notification.id,
      type: notification.type,
      created_at: notification.createdAt.toISOString(),
      group_key: `ungrouped-${notification.id}`,
      account: this.accountJson(this.accounts.get(notification.fromAccountId)!),
    };
    if (status) json.status = this.statusJson(status, notification.recipientId);
    return json;
  }

  /** The ids of the accounts a text mentions (`@user` or `@user@this.domain`), as ProcessMentionsService finds them. */
  mentionsIn(text: string): string[] {
    const ids: string[] = [];
    for (const match of text.matchAll(/(?:^|[^\w@/])@([\w.-]*\w)(?:@([\w.-]+\w))?/g)) {
      if (match[2] && match[2].toLowerCase() !== this.domain.toLowerCase()) continue;
      const account = this.accountByUsername(match[1]);
      if (account && !ids.includes(account.id)) ids.push(account.id);
    }
    return ids;
  }

  tagsIn(text: string): string[] {
    const tags: string[] = [];
    for (const match of text.matchAll(/(?:^|[^\w/#])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu)) {
      const tag = match[1].toLowerCase();
      if (!tags.includes(tag)) tags.push(tag);
    }
    return tags;
  }
}

/** Mastodon shows an account's `created_at` at midnight UTC. */
function midnight(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mastodon's StatusLengthValidator: URLs count as 23 characters, remote mentions as their user name, graphemes counted. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function countableLength(text: string, urlLength: number): number {
  const countable = text.replace(/https?:\/\/[^\s<>"]+/g, 'x'.repeat(urlLength)).replace(/(^|[^\w@/])@([\w.-]*\w)@[\w.-]+\w/g, '$1@$2');
  let length = 0;
  for (const _ of graphemes.segment(countable)) length += 1;
  return length;
}
