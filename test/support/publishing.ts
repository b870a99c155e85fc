// Helpers for publishing tests: a Bluesky channel connected to a workspace,
// posts created through the API, and the brand's posts read back from the network.
import type { ApiClient, TestRelais } from './relais.ts';
import { xrpc, type BlueskyNetwork } from './bluesky.ts';
import { waitFor } from './wait.ts';
import type { PostView } from '../../src/shared/publishing.ts';

export async function connectBluesky(client: ApiClient, workspaceId: string, network: BlueskyNetwork, handle: string): Promise<string> {
  const answer = await client.post<{ channel: { id: string } }>(`/api/workspaces/${workspaceId}/channels`, {
    network: 'bluesky',
    credentials: { serviceUrl: network.pdsUrl, identifier: handle, appPassword: network.account(handle).appPassword! },
  });
  if (answer.status !== 201) throw new Error(`could not connect ${handle}: ${JSON.stringify(answer.body)}`);
  return answer.body.channel.id;
}

/** Connects the replay instance's account (its `authorizeAs`) as a channel, the way the browser would (OAuth 2 + PKCE). */
export async function connectMastodon(relais: TestRelais, client: ApiClient, workspaceId: string, origin: string): Promise<string> {
  const started = await client.post<{ authorizeUrl: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: origin });
  if (started.status !== 200) throw new Error(`could not start the OAuth flow: ${JSON.stringify(started.body)}`);
  const callback = (await fetch(started.body.authorizeUrl, { redirect: 'manual' })).headers.get('location')!;
  const back = await client.request('GET', callback.slice(relais.baseUrl.length));
  const channelId = new URL(back.headers.get('location')!, relais.baseUrl).searchParams.get('connected');
  if (!channelId) throw new Error(`no channel connected: ${back.headers.get('location')}`);
  return channelId;
}

export function textPost(text: string, channelIds: string[], schedule: Record<string, unknown> = { kind: 'now' }) {
  return { content: { text }, channels: channelIds.map((channelId) => ({ channelId })), schedule };
}

export interface NetworkPost {
  uri: string;
  value: { text: string; facets?: Array<{ features: Array<Record<string, unknown>> }>; embed?: { images?: Array<{ alt: string }> }; reply?: { parent: { uri: string }; root: { uri: string } } };
}

/** Every post in the account's repository, straight from its PDS (no indexing delay). */
export async function postsOnNetwork(network: BlueskyNetwork, handle: string): Promise<NetworkPost[]> {
  const did = network.account(handle).did;
  const all: NetworkPost[] = [];
  let cursor: string | undefined;
  do {
    const page = await xrpc<{ records: NetworkPost[]; cursor?: string }>(network.pdsUrl, 'com.atproto.repo.listRecords', { params: { repo: did, collection: 'app.bsky.feed.post', limit: 100, ...(cursor ? { cursor } : {}) } });
    all.push(...page.records);
    cursor = page.records.length === 100 ? page.cursor : undefined;
  } while (cursor);
  return all;
}

/** Waits until every target of the post has left scheduled/publishing. */
export async function settled(client: ApiClient, workspaceId: string, postId: string, timeoutMs = 30_000): Promise<PostView> {
  return waitFor(
    async () => {
      const { body } = await client.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${postId}`);
      return body.post.targets.every((t) => !['scheduled', 'publishing'].includes(t.state) || t.holdReason === 'paused') ? body.post : null;
    },
    { timeoutMs, what: `post ${postId} to settle` },
  );
}
