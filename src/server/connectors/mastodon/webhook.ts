// Mastodon's webhooks (Administration → Webhooks, docs.joinmastodon.org
// "admin/webhooks"): each delivery is signed `X-Hub-Signature: sha256=<hex>`,
// an HMAC-SHA256 of the raw body with the webhook's secret. A `status.created`
// event whose status mentions the channel's account, or answers it, is an
// inbox activity — the same post a later poll would report (the inbox
// deduplicates on the post's id).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Activity } from '../contract.ts';
import type { MastoAccount, MastoStatus } from './api-types.ts';
import { htmlToText, withoutReplyMentions } from './text.ts';

export function verifyMastodonWebhook(headers: Record<string, string | string[] | undefined>, rawBody: Buffer, secret: string): boolean {
  const header = headers['x-hub-signature'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(value ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function parseMastodonWebhook(body: unknown, account: { remoteId: string; serverUrl: string }): Activity[] {
  const event = body as { event?: unknown; object?: MastoStatus } | null;
  if (!event || event.event !== 'status.created' || !event.object || typeof event.object.id !== 'string') return [];
  const status = event.object;
  const mentioned = (status.mentions ?? []).some((mention) => mention.id === account.remoteId);
  const answered = status.in_reply_to_account_id === account.remoteId;
  if ((!mentioned && !answered) || status.account?.id === account.remoteId) return [];
  const text = htmlToText(status.content ?? '');
  const kind: Activity['kind'] = status.visibility === 'direct' ? 'directMessage' : answered && status.in_reply_to_id ? 'reply' : 'mention';
  return [
    {
      id: `status:${status.id}`,
      kind,
      author: authorOf(status.account, account.serverUrl),
      post: {
        remoteId: status.id,
        url: status.url || status.uri,
        text: status.in_reply_to_id ? withoutReplyMentions(text, status.mentions ?? []) : text,
        createdAt: new Date(Date.parse(status.created_at) || Date.now()).toISOString(),
        replyTo: status.in_reply_to_id ?? null,
        rootId: status.in_reply_to_id ? null : status.id,
      },
      subjectRemoteId: answered ? (status.in_reply_to_id ?? null) : null,
      createdAt: new Date(Date.parse(status.created_at) || Date.now()).toISOString(),
    },
  ];
}

function authorOf(account: MastoAccount, serverUrl: string): Activity['author'] {
  const host = (() => {
    try {
      return new URL(account.url || serverUrl).host;
    } catch {
      return 'unknown';
    }
  })();
  return {
    remoteId: account.id,
    handle: account.acct?.includes('@') ? account.acct : `${account.acct || account.username}@${host}`,
    displayName: account.display_name || null,
    avatarUrl: account.avatar || null,
    url: account.url || null,
    followers: account.followers_count ?? null,
  };
}
