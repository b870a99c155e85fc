// A notification in plain words, per kind: the line in the bell and the quote
// under it. Kinds Relais adds later read as "news about a post" until named here.
import type { TFunction } from 'i18next';
import type { NotificationItem } from './notifications-api.ts';

export const knownKinds = [
  'approval_requested',
  'approvals_requested',
  'post_approved',
  'post_rejected',
  'post_commented',
  'publish_failed',
  'publish_needs_attention',
  'client_approved',
  'client_commented',
  'inbox_assigned',
  'inbox_mentioned',
  'inbox_rule_notify',
  'inbox_reply_approval',
  'inbox_reply_rejected',
  'inbox_reply_failed',
] as const;

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

export interface NotificationText {
  title: string;
  excerpt: string | null;
  /** A comment, a reason, the network's words. */
  note: string | null;
  postId: string | null;
  /** Where a click leads, inside the workspace (e.g. `posts/<id>`), or null. */
  path: string | null;
}

export function describeNotification(item: NotificationItem, t: TFunction): NotificationText {
  const p = item.payload;
  const known = (knownKinds as readonly string[]).includes(item.kind);
  const key = item.kind === 'client_approved' && p.becameApproved === true ? 'client_approved_scheduled' : known ? item.kind : 'other';
  return {
    title: t(`notifications.kinds.${key}`, {
      actor: text(p.actorName) ?? t('notifications.someone'),
      client: text(p.clientName) ?? text(p.actorName) ?? t('notifications.someone'),
      channel: text(p.channel) ?? '',
      count: typeof p.count === 'number' ? p.count : 1,
    }),
    excerpt: text(p.excerpt),
    note: text(p.reason),
    postId: text(p.postId),
    path: typeof p.itemId === 'number' ? inboxPath(item.kind, p.itemId, typeof p.count === 'number' ? p.count : 1) : pathOf(item.kind, text(p.postId)),
  };
}

/** One message: that message; a rule's digest of several: the assignee's own view, or the inbox. */
function inboxPath(kind: string, itemId: number, count: number): string {
  if (count <= 1) return `inbox?item=${itemId}`;
  return kind === 'inbox_assigned' ? 'inbox?view=mine' : 'inbox';
}

function pathOf(kind: string, postId: string | null): string | null {
  if (kind === 'approvals_requested') return 'posts?tab=pending';
  return postId ? `posts/${encodeURIComponent(postId)}` : null;
}
