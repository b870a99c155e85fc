// "The other side" on a Mastodon-compatible server: a fan account driven with
// plain calls to the Mastodon client API (its own token, fetch on loopback),
// never with the connector under test. The same driver serves the replay
// server and snac2. It writes as Mastodon's apps do: a reply starts with the
// mention of the author replied to (Mastodon notifies only the accounts a
// status mentions), unless the text mentions them already.
import type { RemotePost } from '../../src/server/connectors/contract.ts';
import type { OtherSide, ReadBack, ReadBackFacet } from './contract-suite.ts';

export interface MastodonActor {
  serverUrl: string;
  token: string;
  /** The account's id and user name on that server. */
  id: string;
  username: string;
}

interface Status {
  id: string;
  uri: string;
  url: string | null;
  content: string;
  visibility: string;
  in_reply_to_id: string | null;
  account: { id: string; username: string; acct: string };
  media_attachments: Array<{ description: string | null }>;
  mentions: Array<{ id: string; username: string; acct: string; url: string }>;
  tags: Array<{ name: string; url: string }>;
}

export class MastodonApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** One call as the given account; JSON in and out. */
export async function callAs<T>(actor: Pick<MastodonActor, 'serverUrl' | 'token'>, method: string, path: string, body?: Record<string, unknown>): Promise<T> {
  const response = await fetch(new URL(path, actor.serverUrl), {
    method,
    // A POST always carries a JSON body, if only `{}`: snac2 refuses one it cannot parse.
    headers: { authorization: `Bearer ${actor.token}`, accept: 'application/json', ...(method !== 'GET' ? { 'content-type': 'application/json' } : {}) },
    body: method !== 'GET' ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new MastodonApiError(response.status, `${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : null) as T;
}

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[lower];
  });

/** The text a person reads in a status's HTML: paragraphs as blank lines, <br> as line breaks, tags gone. */
export function statusText(html: string): string {
  return decode(
    html
      .replace(/\n/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}

/**
 * Mentions, hashtags and links as the status's HTML marks them up
 * (app/lib/text_formatter.rb). A mention's account id comes from the status's
 * `mentions` (Mastodon), or from looking its account up (snac2 numbers its
 * mentions 0, 1… instead).
 */
async function facetsOf(status: Status, lookup: (acct: string) => Promise<string | null>): Promise<ReadBackFacet[]> {
  const facets: ReadBackFacet[] = [];
  for (const match of status.content.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/gi)) {
    const attributes = match[1];
    const href = decode(/href="([^"]*)"/i.exec(attributes)?.[1] ?? '');
    const classes = (/class="([^"]*)"/i.exec(attributes)?.[1] ?? '').split(/\s+/);
    const text = statusText(match[2]);
    if (classes.includes('hashtag')) facets.push({ kind: 'tag', text, value: text.replace(/^#/, '') });
    else if (classes.includes('mention')) {
      const mention = status.mentions.find((item) => item.url === href || `@${item.username}` === text || `@${item.acct}` === text);
      const id = (mention && (await lookup(mention.acct))) ?? (await lookup(text.replace(/^@/, ''))) ?? mention?.id ?? href;
      facets.push({ kind: 'mention', text, value: id });
    } else facets.push({ kind: 'link', text, value: href });
  }
  return facets;
}

/**
 * `fan` acts; `brand` is the account under test. `username` is how each is
 * mentioned: on the same server, the bare user name (Mastodon and snac2 both
 * resolve it locally; snac2 cannot resolve `user@localhost:port`, which it
 * would look up over https).
 */
export function mastodonOtherSide(fan: MastodonActor, brand: { id: string; username: string }): OtherSide {
  const brandMention = `@${brand.username}`;
  const asRemote = (status: Status): RemotePost => ({ remoteId: status.id, url: status.url ?? status.uri });
  const create = async (text: string, inReplyToId?: string) =>
    asRemote(await callAs<Status>(fan, 'POST', '/api/v1/statuses', { status: text, visibility: 'public', ...(inReplyToId ? { in_reply_to_id: inReplyToId } : {}) }));
  const accountIds = new Map<string, string | null>();
  const lookup = async (acct: string) => {
    if (!accountIds.has(acct)) {
      const account = await callAs<{ id: string }>(fan, 'GET', `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`).catch(() => null);
      accountIds.set(acct, account?.id ?? null);
    }
    return accountIds.get(acct)!;
  };
  const get = async (id: string) => {
    try {
      return await callAs<Status>(fan, 'GET', `/api/v1/statuses/${id}`);
    } catch (error) {
      if (error instanceof MastodonApiError && error.status === 404) return null;
      throw error;
    }
  };

  return {
    remoteId: fan.id,
    mention: `@${fan.username}`,
    brandMention,

    post: (text) => create(text),

    async reply(to, text) {
      const parent = await get(to.remoteId);
      if (!parent) throw new Error(`no status ${to.remoteId}`);
      const author = parent.account.id === brand.id ? brandMention : `@${parent.account.acct}`;
      const addressed = parent.account.id === fan.id || text.toLowerCase().includes(author.toLowerCase()) ? text : `${author} ${text}`;
      return create(addressed, parent.id);
    },

    async mentionBrand(text) {
      if (!text.includes(brandMention)) throw new Error(`the text must contain ${brandMention}`);
      return create(text);
    },

    async like(post) {
      await callAs(fan, 'POST', `/api/v1/statuses/${post.remoteId}/favourite`);
    },

    async follow() {
      try {
        await callAs(fan, 'POST', `/api/v1/accounts/${brand.id}/follow`);
      } catch (error) {
        // A server that does not know the account yet (snac2 keeps actors it fetched): resolve it, as apps do, then follow.
        if (!(error instanceof MastodonApiError) || error.status >= 500) throw error;
        await callAs(fan, 'GET', `/api/v2/search?type=accounts&resolve=true&q=${encodeURIComponent(`@${brand.username}`)}`);
        await callAs(fan, 'POST', `/api/v1/accounts/${brand.id}/follow`);
      }
    },

    async unfollow() {
      try {
        await callAs(fan, 'POST', `/api/v1/accounts/${brand.id}/unfollow`);
      } catch (error) {
        // snac2 answers 404 when there is no follow to undo: nothing to do, as asked.
        if (!(error instanceof MastodonApiError) || error.status !== 404) throw error;
      }
    },

    async read(post): Promise<ReadBack | null> {
      const status = await get(post.remoteId);
      if (!status) return null;
      // The root: up the chain of parents (every server answers GET /statuses/:id; not every one shows others' ancestors).
      let rootId: string | null = null;
      for (let parentId = status.in_reply_to_id, steps = 0; parentId && steps < 50; steps += 1) {
        rootId = parentId;
        parentId = (await get(parentId))?.in_reply_to_id ?? null;
      }
      return {
        authorId: status.account.id,
        text: statusText(status.content),
        facets: await facetsOf(status, lookup),
        altTexts: status.media_attachments.map((media) => media.description ?? ''),
        replyTo: status.in_reply_to_id,
        rootId,
      };
    },

    async countBrandPosts(text) {
      const matching = new Set<string>();
      const seen = new Set<string>();
      let maxId: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const statuses = await callAs<Status[]>(fan, 'GET', `/api/v1/accounts/${brand.id}/statuses?limit=40${maxId ? `&max_id=${maxId}` : ''}`);
        const fresh = statuses.filter((status) => !seen.has(status.id));
        if (fresh.length === 0) break; // the end, or a server that ignores max_id
        for (const status of fresh) {
          seen.add(status.id);
          if (statusText(status.content) === text) matching.add(status.id);
        }
        maxId = statuses.at(-1)!.id;
      }
      return matching.size;
    },

    async likesBy(post, accountId) {
      const accounts = await callAs<Array<{ id: string }>>(fan, 'GET', `/api/v1/statuses/${post.remoteId}/favourited_by`);
      return accounts.filter((account) => account.id === accountId).length;
    },
  };
}
