// Helpers for inbox tests: a server-sent events reader, and activities as a
// connector reports them (to feed the real ingest without a network).
import type { ApiClient, TestRelais } from './relais.ts';
import type { MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import type { Activity } from '../../src/server/connectors/contract.ts';
import type { InboxLiveEvent } from '../../src/shared/inbox.ts';

export interface LiveStream {
  events: InboxLiveEvent[];
  /** The ids of the events, in the order received. */
  close(): void;
}

/** Opens the workspace's live feed and collects its events until closed. */
export async function openLiveFeed(client: ApiClient, workspaceId: string, headers: Record<string, string> = {}): Promise<LiveStream & { status: number; contentType: string | null }> {
  const controller = new AbortController();
  const response = await client.open(`/api/workspaces/${workspaceId}/inbox/events`, headers, controller.signal);
  const events: InboxLiveEvent[] = [];
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (data && block.includes('event: inbox')) events.push(JSON.parse(data.slice(6)) as InboxLiveEvent);
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return { status: response.status, contentType: response.headers.get('content-type'), events, close: () => controller.abort() };
}

let sequence = 0;

/** A reply or mention as a connector reports it. */
export function activity(text: string, options: Partial<{ id: string; kind: Activity['kind']; author: string; followers: number | null; rootId: string | null; replyTo: string | null; remoteId: string }> = {}): Activity {
  sequence += 1;
  const id = options.id ?? `act-${Date.now()}-${sequence}`;
  const author = options.author ?? 'camille';
  const remoteId = options.remoteId ?? `post-${id}`;
  return {
    id,
    kind: options.kind ?? 'mention',
    author: { remoteId: `did:${author}`, handle: `${author}.example`, displayName: author[0].toUpperCase() + author.slice(1), avatarUrl: null, url: null, followers: options.followers ?? 120 },
    post: { remoteId, url: `https://example.social/${remoteId}`, text, createdAt: new Date().toISOString(), replyTo: options.replyTo ?? null, rootId: options.rootId ?? null },
    subjectRemoteId: null,
    createdAt: new Date().toISOString(),
  };
}

/** Connects `username` of a Mastodon replay server as a channel of the workspace (a token issued by the server, as OAuth would). */
export async function connectMastodonAccount(relais: TestRelais, admin: ApiClient, workspaceId: string, server: MastodonReplayServer, username: string): Promise<{ id: string }> {
  const me = await admin.get<{ user: { id: string } }>('/api/me');
  return relais.relais.services.channels.service.connectAuthorized({
    workspaceId,
    userId: me.body.user.id,
    network: 'mastodon',
    serverUrl: server.origin,
    credentials: { serverUrl: server.origin, accessToken: server.issueToken(username, ['read', 'write']), tokenType: 'Bearer', scope: 'read write', createdAt: Math.floor(Date.now() / 1000) },
  });
}
