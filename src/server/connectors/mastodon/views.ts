// What Relais makes of Mastodon's JSON: authors, inbox activities, threads and
// search results in the connector contract's terms. Pure functions: the
// connector reads, these translate.
import type { Activity, Author, SearchPage, ThreadPost } from '../contract.ts';
import type { MastoAccount, MastoNotification, MastoStatus } from './api-types.ts';
import { htmlToText, withoutReplyMentions } from './text.ts';

/** What a translation needs to know of the account it reads for. */
export interface ViewContext {
  /** The instance's address: the domain of a local account's handle. */
  serverUrl: string;
  /** The account's own names, as a reply's leading mention may spell them. */
  self: Array<{ username: string; acct: string }>;
}

/**
 * Mastodon ids are numbers in strings (snowflakes, longer than a double can
 * hold); other servers use other sortable strings. Compares either kind.
 */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The instant in ISO form; a value the server wrote in another form is kept as it came. */
export function isoDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** `user@domain`: a local account's `acct` is its bare user name, so the domain comes from its profile URL. */
export function handleOf(account: MastoAccount, serverUrl: string): string {
  if (account.acct.includes('@')) return account.acct;
  let host = new URL(serverUrl).host;
  try {
    if (account.url) host = new URL(account.url).host;
  } catch {
    // keep the instance's host
  }
  return `${account.acct || account.username}@${host}`;
}

export function authorOf(account: MastoAccount, serverUrl: string): Author {
  return {
    remoteId: account.id,
    handle: handleOf(account, serverUrl),
    displayName: account.display_name || null,
    avatarUrl: account.avatar || null,
    url: account.url || null,
    followers: account.followers_count ?? null,
  };
}

/** A notification as an inbox activity (`accountId`: ours), or null for what is not inbox material. */
export function activityOf(notification: MastoNotification, context: ViewContext & { accountId: string }): Activity | null {
  const status = notification.status ?? null;
  const base = { id: notification.id, author: authorOf(notification.account, context.serverUrl), createdAt: isoDate(notification.created_at) };
  switch (notification.type) {
    case 'mention': {
      if (!status) return null;
      const post = postOf(status, context.self);
      if (status.visibility === 'direct') return { ...base, kind: 'directMessage', post, subjectRemoteId: status.in_reply_to_account_id === context.accountId ? status.in_reply_to_id : null };
      if (status.in_reply_to_id && status.in_reply_to_account_id === context.accountId) return { ...base, kind: 'reply', post, subjectRemoteId: status.in_reply_to_id };
      return { ...base, kind: 'mention', post, subjectRemoteId: null };
    }
    case 'quote': {
      if (!status) return null;
      const quoted = status.quote?.quoted_status?.id ?? status.quote?.quoted_status_id ?? null;
      return { ...base, kind: 'quote', post: postOf(status, context.self), subjectRemoteId: quoted };
    }
    case 'reblog':
      return { ...base, kind: 'repost', post: null, subjectRemoteId: status?.id ?? null };
    case 'favourite':
      return { ...base, kind: 'like', post: null, subjectRemoteId: status?.id ?? null };
    case 'follow':
      return { ...base, kind: 'follow', post: null, subjectRemoteId: null };
    default:
      return null; // follow requests, polls, edits, admin and moderation notices are not inbox material
  }
}

/** Plain text; a reply without the leading mentions that address it (see withoutReplyMentions). */
function textOf(status: MastoStatus, self: ViewContext['self']): string {
  const text = htmlToText(status.content);
  return status.in_reply_to_id ? withoutReplyMentions(text, [...(status.mentions ?? []), ...self]) : text;
}

function postOf(status: MastoStatus, self: ViewContext['self']): NonNullable<Activity['post']> {
  return {
    remoteId: status.id,
    url: status.url || status.uri,
    text: textOf(status, self),
    createdAt: isoDate(status.created_at),
    replyTo: status.in_reply_to_id ?? null,
    // Mastodon does not say a status's root; the thread (`thread()`) does.
    rootId: status.in_reply_to_id ? null : status.id,
  };
}

/**
 * The conversation as a tree, from the topmost post whose parent is not among
 * `statuses` (the root, or the highest one visible to the account) down;
 * replies oldest first. `statusId` is the post the thread was asked for.
 */
export function threadOf(statusId: string, statuses: MastoStatus[], context: ViewContext): ThreadPost {
  const nodes = new Map<string, ThreadPost>();
  for (const item of statuses) {
    if (nodes.has(item.id)) continue;
    nodes.set(item.id, {
      remoteId: item.id,
      url: item.url || item.uri,
      author: authorOf(item.account, context.serverUrl),
      text: textOf(item, context.self),
      createdAt: isoDate(item.created_at),
      replyTo: item.in_reply_to_id ?? null,
      replies: [],
    });
  }
  let root = nodes.get(statusId)!;
  for (const node of nodes.values()) {
    const parent = node.replyTo ? nodes.get(node.replyTo) : undefined;
    if (parent) parent.replies.push(node);
  }
  while (root.replyTo && nodes.has(root.replyTo)) root = nodes.get(root.replyTo)!;
  for (const node of nodes.values()) node.replies.sort((a, b) => compareIds(a.remoteId, b.remoteId));
  return root;
}

/** A search or hashtag result; a boost shows the boosted post. */
export function searchItemOf(status: MastoStatus, serverUrl: string): SearchPage['items'][number] {
  const shown = status.reblog ?? status;
  return {
    remoteId: shown.id,
    url: shown.url || shown.uri,
    author: authorOf(shown.account, serverUrl),
    text: htmlToText(shown.content),
    createdAt: isoDate(shown.created_at),
    language: shown.language ?? null,
  };
}
