// The Bluesky connector: one account, signed in with an app password, talking
// to its PDS (which answers com.atproto.* itself and passes app.bsky.* reads on
// to the AppView).
//
// Publishing cannot create a post twice: the record key is derived from Relais'
// idempotency key (rkey.ts), the PDS keeps at most one record per key, and an
// attempt first looks for the record an earlier attempt may have created.
import {
  ConnectorError,
  type AccountMetrics,
  type AccountProfile,
  type Activity,
  type ActivityKind,
  type ActivityPage,
  type Author,
  type ComposerLimits,
  type Connector,
  type MediaInput,
  type PostMetrics,
  type PostStatus,
  type PublishedPost,
  type PublishInput,
  type RemotePost,
  type SearchPage,
  type ThreadPost,
} from '../contract.ts';
import { ActivityCursor } from './activity-cursor.ts';
import type { BlueskyCredentials } from './credentials.ts';
import { sniffImage } from './images.ts';
import { blueskyManifest, maxTextBytes, writeCost } from './manifest.ts';
import { detectFacets, graphemeLength } from './rich-text.ts';
import { likeRecordKey, postRecordKey } from './rkey.ts';
import type { Notification, PostRecordValue, PostView, ProfileViewBasic, ProfileViewDetailed, RecordAnswer, StrongRef, ThreadNode } from './views.ts';
import { threadViewPost } from './views.ts';
import { BlueskyXrpc, type BlueskyDeps } from './xrpc.ts';

const POST = 'app.bsky.feed.post';
const LIKE = 'app.bsky.feed.like';

/** Notification reasons Relais shows, and as what (others: starter packs, verifications, "via repost"…). */
const activityKinds: Record<string, ActivityKind> = {
  mention: 'mention',
  reply: 'reply',
  quote: 'quote',
  repost: 'repost',
  like: 'like',
  follow: 'follow',
};

/** listNotifications pages read in one poll, at most (100 each). */
const maxNotificationPages = 10;
/** Depth of replies `thread()` asks for. */
const threadDepth = 100;

export function connectBluesky(credentials: BlueskyCredentials, deps: BlueskyDeps): Connector {
  return new BlueskyConnector(credentials, deps);
}

export class BlueskyConnector implements Connector {
  readonly manifest = blueskyManifest;
  private readonly xrpc: BlueskyXrpc;

  constructor(credentials: BlueskyCredentials, deps: BlueskyDeps) {
    this.xrpc = new BlueskyXrpc(credentials, deps);
  }

  async checkCredentials(): Promise<AccountProfile> {
    await this.xrpc.verifySession();
    return this.profile();
  }

  async profile(): Promise<AccountProfile> {
    const did = await this.xrpc.did();
    try {
      const profile = await this.xrpc.call<ProfileViewDetailed>('app.bsky.actor.getProfile', { operation: 'read', params: { actor: did } });
      return { remoteId: profile.did, handle: profile.handle, displayName: profile.displayName || null, avatarUrl: profile.avatar ?? null, url: profileUrl(profile.handle) };
    } catch (error) {
      // The sign-in worked; the AppView (a separate service) could not answer: what the session says is enough.
      if (!(error instanceof ConnectorError) || error.kind === 'auth' || error.kind === 'rate_limited') throw error;
      const handle = await this.xrpc.handle();
      return { remoteId: did, handle, displayName: null, avatarUrl: null, url: profileUrl(handle) };
    }
  }

  async limits(): Promise<ComposerLimits> {
    return { ...blueskyManifest.limits, imageTypes: [...blueskyManifest.limits.imageTypes] };
  }

  // --- publishing -------------------------------------------------------

  async publish(input: PublishInput): Promise<PublishedPost> {
    const media = input.media ?? [];
    const images = checkContent(input.text, media);
    const did = await this.xrpc.did();
    const rkey = postRecordKey(input.idempotencyKey);

    // An earlier attempt may have created it and lost the answer.
    const earlier = await this.getRecord(did, POST, rkey);
    if (earlier) return publishedFrom(earlier);

    const record: Record<string, unknown> = { $type: POST, text: input.text, createdAt: new Date().toISOString() };
    const facets = await detectFacets(input.text, (handle) => this.resolveHandle(handle));
    if (facets) record.facets = facets;
    if (input.replyTo) record.reply = await this.replyRefs(input.replyTo);
    if (images.length > 0) {
      const uploaded = [];
      for (const image of images) uploaded.push(await this.uploadImage(image));
      record.embed = { $type: 'app.bsky.embed.images', images: uploaded };
    }

    try {
      const created = await this.xrpc.call<StrongRef>('com.atproto.repo.createRecord', {
        operation: 'create',
        body: { repo: did, collection: POST, rkey, record },
        writeCost: writeCost.create,
        // The key makes a repeat harmless: a second create under it is refused, and looked up below.
        idempotent: true,
      });
      return { remoteId: created.uri, url: postUrl(created.uri), ref: created.cid, createdAt: record.createdAt as string };
    } catch (error) {
      if (error instanceof ConnectorError && (error.kind === 'unknown_outcome' || error.kind === 'transient')) {
        // Lost answer, or "the key is taken" (a PDS answers that with a 500): the record tells.
        const found = await this.getRecord(did, POST, rkey).catch(() => null);
        if (found) return publishedFrom(found);
      }
      throw error;
    }
  }

  async findPublished(idempotencyKey: string): Promise<PostStatus> {
    const did = await this.xrpc.did();
    const found = await this.getRecord(did, POST, postRecordKey(idempotencyKey));
    return found ? { state: 'published', post: remotePostFrom(found) } : { state: 'missing' };
  }

  async getStatus(post: RemotePost): Promise<PostStatus> {
    const { repo, collection, rkey } = parseAtUri(post.remoteId);
    const found = await this.getRecord(repo, collection, rkey);
    return found ? { state: 'published', post: remotePostFrom(found) } : { state: 'missing' };
  }

  async delete(post: RemotePost): Promise<void> {
    const { repo, collection, rkey } = parseAtUri(post.remoteId);
    const did = await this.xrpc.did();
    if (repo !== did) throw new ConnectorError('rejected', 'only this account’s own posts can be deleted', { networkMessage: 'This post belongs to another account.' });
    // Deleting what is already gone succeeds: a repeat is harmless.
    await this.xrpc.call('com.atproto.repo.deleteRecord', { operation: 'write', body: { repo, collection, rkey }, writeCost: writeCost.delete, idempotent: true });
  }

  // --- reading ----------------------------------------------------------

  async activitySince(cursor: string | null): Promise<ActivityPage> {
    const state = ActivityCursor.parse(cursor);
    const did = await this.xrpc.did();
    const fresh: Activity[] = [];
    let page: string | undefined;
    for (let pages = 1; ; pages += 1) {
      const answer = await this.xrpc.call<{ notifications: Notification[]; cursor?: string }>('app.bsky.notification.listNotifications', {
        operation: 'read',
        // priority=false: every account's notifications, not only those the person follows.
        params: { limit: 100, cursor: page, priority: false },
      });
      let reachedSeen = false;
      for (const notification of answer.notifications) {
        const at = Date.parse(notification.indexedAt);
        const floor = state.floor;
        if (floor !== null && at < floor) {
          reachedSeen = true;
          break;
        }
        if (!state.see(notification.uri, at)) continue;
        const activity = activityFrom(notification, did);
        if (activity) fresh.push(activity);
      }
      // The first poll reads one page: the most recent history, not the account's whole past.
      if (reachedSeen || !answer.cursor || answer.notifications.length === 0 || !state.started || pages >= maxNotificationPages) break;
      page = answer.cursor;
    }
    // Oldest first, as they happened.
    return { items: fresh.reverse(), cursor: state.serialize() };
  }

  async thread(post: RemotePost): Promise<ThreadPost> {
    const uri = parseAtUri(post.remoteId).uri;
    let node = await this.postThread(uri, 1000);
    // Climb to the conversation's first post, then read it downwards.
    let top = node;
    while (top.parent?.$type === threadViewPost && top.parent.post) top = top.parent;
    if (top !== node) node = await this.postThread(top.post!.uri, 0);
    return threadPostFrom(node);
  }

  async like(post: RemotePost): Promise<void> {
    const uri = parseAtUri(post.remoteId).uri;
    // The AppView knows whether the account already liked it (in Bluesky's app, say)…
    const [view] = await this.getPosts([uri]);
    if (view?.viewer?.like) return;
    // …but may not have indexed a post that new: the repository has it.
    const cid = view?.cid ?? (await this.getRecord(parseAtUri(uri).repo, POST, parseAtUri(uri).rkey))?.cid;
    if (!cid) throw new ConnectorError('rejected', 'the post to like was not found', { networkMessage: 'This post no longer exists.' });
    const did = await this.xrpc.did();
    // One key per liked post: asking twice cannot make two likes.
    const rkey = likeRecordKey(uri);
    const record = { $type: LIKE, subject: { uri, cid }, createdAt: new Date().toISOString() };
    try {
      await this.xrpc.call('com.atproto.repo.createRecord', { operation: 'write', body: { repo: did, collection: LIKE, rkey, record }, writeCost: writeCost.create, idempotent: true });
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'transient' && (await this.getRecord(did, LIKE, rkey).catch(() => null))) return;
      throw error;
    }
  }

  async accountMetrics(): Promise<AccountMetrics> {
    const did = await this.xrpc.did();
    const profile = await this.xrpc.call<ProfileViewDetailed>('app.bsky.actor.getProfile', { operation: 'read', params: { actor: did } });
    return { followers: profile.followersCount ?? 0, following: profile.followsCount ?? 0, posts: profile.postsCount ?? 0 };
  }

  /** Metrics of the posts that still exist (a deleted post is left out). */
  async postMetrics(posts: RemotePost[]): Promise<PostMetrics[]> {
    const views = await this.getPosts(posts.map((post) => parseAtUri(post.remoteId).uri));
    return views.map((view) => ({ remoteId: view.uri, likes: view.likeCount ?? 0, reposts: view.repostCount ?? 0, replies: view.replyCount ?? 0, quotes: view.quoteCount ?? 0 }));
  }

  async search(query: string, cursor: string | null): Promise<SearchPage> {
    const answer = await this.xrpc.call<{ posts: PostView[]; cursor?: string }>('app.bsky.feed.searchPosts', {
      operation: 'read',
      params: { q: query, limit: 25, cursor: cursor ?? undefined },
    });
    return {
      items: answer.posts.map((view) => ({
        remoteId: view.uri,
        url: postUrl(view.uri),
        author: authorFrom(view.author),
        text: view.record.text ?? '',
        createdAt: timeOf(view.record.createdAt, view.indexedAt),
        language: view.record.langs?.[0] ?? null,
      })),
      cursor: answer.cursor ?? null,
    };
  }

  // --- helpers ----------------------------------------------------------

  private getRecord(repo: string, collection: string, rkey: string): Promise<RecordAnswer | null> {
    return this.xrpc.callOrNull<RecordAnswer>('com.atproto.repo.getRecord', { operation: 'read', params: { repo, collection, rkey }, absent: ['RecordNotFound', 'NotFound'] });
  }

  private async getPosts(uris: string[]): Promise<PostView[]> {
    const views: PostView[] = [];
    for (let at = 0; at < uris.length; at += 25) {
      const answer = await this.xrpc.call<{ posts: PostView[] }>('app.bsky.feed.getPosts', { operation: 'read', params: { uris: uris.slice(at, at + 25) } });
      views.push(...answer.posts);
    }
    return views;
  }

  private async postThread(uri: string, parentHeight: number): Promise<ThreadNode> {
    const answer = await this.xrpc.callOrNull<{ thread: ThreadNode }>('app.bsky.feed.getPostThread', { operation: 'read', params: { uri, depth: threadDepth, parentHeight }, absent: ['NotFound'] });
    if (answer && answer.thread.$type === threadViewPost && answer.thread.post) return answer.thread;
    // The AppView may not have indexed a post that new: if the repository has it, try again later.
    const { repo, collection, rkey } = parseAtUri(uri);
    if (!answer && (await this.getRecord(repo, collection, rkey))) {
      throw new ConnectorError('transient', 'Bluesky has not indexed this post yet', { networkMessage: 'This post is not visible yet.' });
    }
    throw new ConnectorError('rejected', 'the conversation was not found', { networkMessage: 'This post no longer exists or cannot be shown.' });
  }

  /** A handle's DID, or null when no account has it (its mention stays plain text). */
  private async resolveHandle(handle: string): Promise<string | null> {
    const answer = await this.xrpc.callOrNull<{ did: string }>('com.atproto.identity.resolveHandle', { operation: 'read', params: { handle }, absent: ['HandleNotFound', 'InvalidRequest'] });
    return answer?.did ?? null;
  }

  /** `reply: { root, parent }`: the parent is the post answered; the root is the parent's own root (or the parent, if it starts a conversation). */
  private async replyRefs(replyTo: RemotePost): Promise<{ root: StrongRef; parent: StrongRef }> {
    const { repo, collection, rkey, uri } = parseAtUri(replyTo.remoteId);
    if (collection !== POST) throw new ConnectorError('rejected', 'a reply must answer a post', { networkMessage: 'Only posts can be replied to.' });
    const parent = await this.getRecord(repo, collection, rkey);
    if (!parent?.cid) throw new ConnectorError('rejected', 'the post replied to was not found', { networkMessage: 'The post you reply to no longer exists.' });
    const parentRef = { uri, cid: parent.cid };
    const root = parent.value.reply?.root;
    return { root: root && typeof root.uri === 'string' && typeof root.cid === 'string' ? { uri: root.uri, cid: root.cid } : parentRef, parent: parentRef };
  }

  private async uploadImage(image: CheckedImage): Promise<Record<string, unknown>> {
    const { blob } = await this.xrpc.call<{ blob: Record<string, unknown> }>('com.atproto.repo.uploadBlob', {
      operation: 'write',
      body: image.bytes,
      contentType: image.mimeType,
      // An upload repeated after a lost answer only leaves an unused blob, which the PDS removes.
      idempotent: true,
    });
    return { alt: image.altText, image: blob, ...(image.width && image.height ? { aspectRatio: { width: image.width, height: image.height } } : {}) };
  }
}

// --- checks before any call -------------------------------------------------

interface CheckedImage {
  bytes: Uint8Array;
  mimeType: string;
  altText: string;
  width: number | null;
  height: number | null;
}

/** Refuses, before any request, what Bluesky would refuse (or what would go wrong half-way, after an upload). */
function checkContent(text: string, media: MediaInput[]): CheckedImage[] {
  const limits = blueskyManifest.limits;
  const reject = (message: string) => new ConnectorError('rejected', message, { networkMessage: message });
  const length = graphemeLength(text);
  if (length > limits.maxLength) throw reject(`The text is ${length} characters long; Bluesky allows ${limits.maxLength}.`);
  if (Buffer.byteLength(text) > maxTextBytes) throw reject(`The text is ${Buffer.byteLength(text)} bytes long; Bluesky allows ${maxTextBytes}.`);
  if (text.trim().length === 0 && media.length === 0) throw reject('A post needs text or an image.');
  if (media.length > limits.maxImages) throw reject(`Bluesky allows ${limits.maxImages} images per post; this one has ${media.length}.`);
  return media.map((item) => {
    const info = sniffImage(item.bytes);
    if (!info || !limits.imageTypes.includes(info.mimeType)) throw reject(`${item.fileName}: Bluesky takes JPEG, PNG, WebP or GIF images only.`);
    if (item.bytes.byteLength > limits.maxImageBytes) throw reject(`${item.fileName} is ${item.bytes.byteLength} bytes; Bluesky allows ${limits.maxImageBytes} per image.`);
    const altLength = graphemeLength(item.altText);
    if (altLength > limits.maxAltTextLength) throw reject(`The description of ${item.fileName} is ${altLength} characters long; Bluesky allows ${limits.maxAltTextLength}.`);
    return { bytes: item.bytes, mimeType: info.mimeType, altText: item.altText, width: info.width, height: info.height };
  });
}

// --- from Bluesky's shapes to the contract's --------------------------------

interface ParsedUri {
  uri: string;
  repo: string;
  collection: string;
  rkey: string;
}

/** `at://<did>/<collection>/<rkey>`; anything else is refused (it cannot name a Bluesky record). */
export function parseAtUri(uri: string): ParsedUri {
  const match = /^at:\/\/([^/?#]+)\/([a-zA-Z0-9.-]+)\/([A-Za-z0-9._:~-]{1,512})$/.exec(uri);
  if (!match) throw new ConnectorError('rejected', 'not a Bluesky record address', { networkMessage: 'This is not a Bluesky post.' });
  return { uri, repo: match[1], collection: match[2], rkey: match[3] };
}

/** The post's page on bsky.app (by DID: it survives handle changes). */
export function postUrl(uri: string): string {
  const { repo, rkey } = parseAtUri(uri);
  return `https://bsky.app/profile/${repo}/post/${rkey}`;
}

function profileUrl(handleOrDid: string): string {
  return `https://bsky.app/profile/${handleOrDid}`;
}

function remotePostFrom(record: RecordAnswer): RemotePost {
  return { remoteId: record.uri, url: postUrl(record.uri), ...(record.cid ? { ref: record.cid } : {}) };
}

function publishedFrom(record: RecordAnswer): PublishedPost {
  return { ...remotePostFrom(record), createdAt: timeOf(record.value.createdAt, new Date().toISOString()) };
}

function timeOf(createdAt: string | undefined, fallback: string): string {
  const at = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isNaN(at) ? fallback : new Date(at).toISOString();
}

function authorFrom(profile: ProfileViewBasic): Author {
  return { remoteId: profile.did, handle: profile.handle, displayName: profile.displayName || null, avatarUrl: profile.avatar ?? null, url: profileUrl(profile.handle), followers: null };
}

function subjectUri(record: PostRecordValue): string | null {
  const subject = record.subject;
  return typeof subject === 'object' && subject !== null && typeof subject.uri === 'string' ? subject.uri : null;
}

export function activityFrom(notification: Notification, ownDid: string): Activity | null {
  const kind = activityKinds[notification.reason];
  if (!kind) return null;
  const record = notification.record ?? {};
  const createdAt = timeOf(record.createdAt, notification.indexedAt);
  const isPost = kind === 'mention' || kind === 'reply' || kind === 'quote';
  const parentUri = record.reply?.parent?.uri ?? null;
  let subject: string | null = null;
  if (kind === 'like' || kind === 'repost') subject = subjectUri(record) ?? notification.reasonSubject ?? null;
  else if (kind === 'reply' || kind === 'quote') subject = notification.reasonSubject ?? null;
  else if (kind === 'mention' && parentUri?.startsWith(`at://${ownDid}/`)) subject = parentUri;
  return {
    id: notification.uri,
    kind,
    author: authorFrom(notification.author),
    post: isPost
      ? {
          remoteId: notification.uri,
          url: postUrl(notification.uri),
          ref: notification.cid,
          text: record.text ?? '',
          createdAt,
          replyTo: parentUri,
          rootId: record.reply?.root?.uri ?? null,
        }
      : null,
    subjectRemoteId: subject,
    createdAt,
  };
}

function threadPostFrom(node: ThreadNode): ThreadPost {
  const view = node.post!;
  return {
    remoteId: view.uri,
    url: postUrl(view.uri),
    ref: view.cid,
    author: authorFrom(view.author),
    text: view.record.text ?? '',
    createdAt: timeOf(view.record.createdAt, view.indexedAt),
    replyTo: view.record.reply?.parent?.uri ?? null,
    replies: (node.replies ?? [])
      .filter((reply) => reply.$type === threadViewPost && reply.post)
      .map(threadPostFrom)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}
