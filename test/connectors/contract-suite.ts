// One contract every connector passes, against a real server of its network (or
// the closest stand-in). A network-specific driver plays "the other side": a
// second account that replies, mentions the brand, likes, follows, and reads
// posts back as the network stores them.
//
// Each check runs only when the connector's manifest declares the capability
// it exercises. The suite is sequential and shares one set-up (one network).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deflateSync, crc32 } from 'node:zlib';
import { ConnectorError, type Activity, type ActivityKind, type Capability, type Connector, type ConnectorErrorKind, type ConnectorManifest, type PostMetrics, type RemotePost } from '../../src/server/connectors/contract.ts';
import { waitFor } from '../support/wait.ts';

/** An annotation of the text as the network stored it: a mention, a link or a hashtag. */
export interface ReadBackFacet {
  kind: 'mention' | 'link' | 'tag';
  /** The part of the text it covers, e.g. `@fan.test`, `https://example.com`, `#spring`. */
  text: string;
  /** What it points at: the account's id, the URL, the tag without `#`. */
  value: string;
}

/** A post as the network stores it, read by the other side. */
export interface ReadBack {
  authorId: string;
  text: string;
  facets: ReadBackFacet[];
  altTexts: string[];
  replyTo: string | null;
  rootId: string | null;
}

/** The other account, driven with the network's own API (not through the connector under test). */
export interface OtherSide {
  /** Its id on the network. */
  readonly remoteId: string;
  /** How the brand mentions it in a post's text, e.g. `@fan.test`. */
  readonly mention: string;
  /** How it mentions the brand, e.g. `@brand.test`. */
  readonly brandMention: string;
  /** A post of its own. */
  post(text: string): Promise<RemotePost>;
  /** A reply to `to`, in `to`'s conversation; a brand mention in `text` is annotated as the network's apps do. */
  reply(to: RemotePost, text: string): Promise<RemotePost>;
  /** A new post (not a reply) whose text contains `brandMention`, annotated as a mention. */
  mentionBrand(text: string): Promise<RemotePost>;
  like(post: RemotePost): Promise<void>;
  /** Follows the brand (nothing to do if it already does). */
  follow(): Promise<void>;
  /** Stops following the brand (nothing to do if it does not). */
  unfollow(): Promise<void>;
  /** The post as stored, or null when it does not exist (anymore). */
  read(post: RemotePost): Promise<ReadBack | null>;
  /** How many of the brand's posts have exactly this text (a retried publish must not make two). */
  countBrandPosts(text: string): Promise<number>;
  /** How many likes `accountId` gave `post` (a repeated like must not make two). */
  likesBy(post: RemotePost, accountId: string): Promise<number>;
}

export interface ContractContext {
  connector: Connector;
  other: OtherSide;
  /** The brand account's id on the network (what `profile().remoteId` must say). */
  brandId: string;
  /** A new connector from the credentials as stored right now: a process restart. */
  reconnect(): Connector;
  /** A connector for the brand whose secret (app password, token) is wrong. */
  connectWithWrongSecret(): Connector;
}

export interface ContractOptions {
  name: string;
  manifest: ConnectorManifest;
  setUp(): Promise<ContractContext>;
  /** How long the network may take to show a change to readers (indexing, federation). Default 30 s. */
  settleMs?: number;
}

/** A PNG of the given size (solid colour), built here so that tests need no image files. */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [232, 93, 4]): Uint8Array {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function isConnectorError(kind: ConnectorErrorKind) {
  return (error: unknown) => {
    assert.ok(error instanceof ConnectorError, `expected a ConnectorError, got ${String(error)}`);
    assert.equal(error.kind, kind, `expected kind ${kind}, got ${error.kind}: ${error.message}`);
    return true;
  };
}

export function runConnectorContract(options: ContractOptions): void {
  const { manifest } = options;
  // Generous: on a loaded 2-core machine the AppView can take many seconds to index.
  const settle = { timeoutMs: options.settleMs ?? 90_000, intervalMs: 200 };
  const has = (...needed: Capability[]) => needed.every((capability) => manifest.capabilities.includes(capability));
  const unless = (...needed: Capability[]) => (has(...needed) ? false : `${manifest.network} does not declare ${needed.join(', ')}`);
  /** Unique per run, so that texts and tags never meet an earlier run's. */
  const run = randomBytes(4).toString('hex');
  let keys = 0;
  const key = (what: string) => `contract-${run}-${what}-${(keys += 1)}`;

  describe(`connector contract: ${options.name}`, () => {
    let context: ContractContext;
    let connector: Connector;
    let other: OtherSide;

    before(async () => {
      context = await options.setUp();
      ({ connector, other } = context);
    });

    test('profile() names the account, limits() are sane', async () => {
      const profile = await connector.profile();
      assert.equal(profile.remoteId, context.brandId);
      assert.ok(profile.handle.length > 0);
      assert.match(profile.url, /^https:\/\//);

      const limits = await connector.limits();
      assert.ok(limits.maxLength > 0 && limits.maxLength <= manifest.limits.maxLength * 100);
      assert.ok(['graphemes', 'characters'].includes(limits.lengthUnit));
      assert.ok(limits.urlLength === null || limits.urlLength > 0);
      if (has('publish.images')) {
        assert.ok(limits.maxImages > 0);
        assert.ok(limits.imageTypes.length > 0 && limits.imageTypes.every((type) => /^image\//.test(type)));
        assert.ok(limits.maxImageBytes > 0);
        assert.ok(limits.maxAltTextLength > 0);
      }
      assert.ok(limits.maxVideos >= 0);
      assert.equal(limits.maxVideos > 0, has('publish.video'));
    });

    test('publishes text with a mention, a link and a hashtag', { skip: unless('publish.text') }, async () => {
      const link = `https://example.com/relais?run=${run}`;
      const tag = `relais${run}`;
      const text = `Bonjour ${other.mention} ! Programme : ${link} #${tag}`;
      const post = await connector.publish({ idempotencyKey: key('text'), text });
      assert.ok(post.remoteId && post.url.startsWith('https://'));
      assert.ok(!Number.isNaN(Date.parse(post.createdAt)));

      const stored = await other.read(post);
      assert.ok(stored, 'the post exists');
      assert.equal(stored.text, text);
      assert.equal(stored.authorId, context.brandId);
      const facets = [...stored.facets].sort((a, b) => a.kind.localeCompare(b.kind));
      assert.deepEqual(facets, [
        { kind: 'link', text: link, value: link },
        { kind: 'mention', text: other.mention, value: other.remoteId },
        { kind: 'tag', text: `#${tag}`, value: tag },
      ]);
    });

    test('publishes an image with its alt text', { skip: unless('publish.images') }, async () => {
      const altText = `A square of Relais orange (${run}).`;
      const post = await connector.publish({
        idempotencyKey: key('image'),
        text: 'With a picture.',
        media: [{ bytes: pngImage(40, 30), mimeType: 'image/png', altText, fileName: 'orange.png' }],
      });
      const stored = await other.read(post);
      assert.deepEqual(stored?.altTexts, [altText]);
    });

    test('refuses what the network would refuse, before publishing anything', async () => {
      const limits = await connector.limits();
      const tooLong = key('too-long');
      await assert.rejects(connector.publish({ idempotencyKey: tooLong, text: 'é'.repeat(limits.maxLength + 1) }), isConnectorError('rejected'));
      assert.deepEqual(await connector.findPublished(tooLong), { state: 'missing' });
      // Exactly the limit, counted the network's way (é may be one or two code points: one grapheme).
      const atLimit = 'e\u0301'.repeat(limits.lengthUnit === 'graphemes' ? limits.maxLength : Math.floor(limits.maxLength / 2));
      const published = await connector.publish({ idempotencyKey: key('at-limit'), text: atLimit });
      assert.equal((await other.read(published))?.text, atLimit);
      if (has('publish.images')) {
        const image = { bytes: pngImage(2, 2), mimeType: 'image/png', altText: 'dot', fileName: 'dot.png' };
        await assert.rejects(connector.publish({ idempotencyKey: key('too-many'), text: 'many', media: Array.from({ length: limits.maxImages + 1 }, () => image) }), isConnectorError('rejected'));
        await assert.rejects(
          connector.publish({ idempotencyKey: key('long-alt'), text: 'alt', media: [{ ...image, altText: 'a'.repeat(limits.maxAltTextLength + 1) }] }),
          isConnectorError('rejected'),
        );
        await assert.rejects(
          connector.publish({ idempotencyKey: key('not-image'), text: 'pdf', media: [{ bytes: new TextEncoder().encode('%PDF-1.7'), mimeType: 'image/png', altText: 'x', fileName: 'doc.png' }] }),
          isConnectorError('rejected'),
        );
      }
    });

    test('a thread of three is a chain of replies', { skip: unless('publish.thread', 'publish.reply') }, async () => {
      const first = await connector.publish({ idempotencyKey: key('thread-1'), text: `1/3 A thread (${run})` });
      const second = await connector.publish({ idempotencyKey: key('thread-2'), text: '2/3 continues', replyTo: first });
      const third = await connector.publish({ idempotencyKey: key('thread-3'), text: '3/3 ends', replyTo: second });
      const [a, b, c] = await Promise.all([first, second, third].map((post) => other.read(post)));
      assert.deepEqual([a?.replyTo, a?.rootId], [null, null]);
      assert.deepEqual([b?.replyTo, b?.rootId], [first.remoteId, first.remoteId]);
      assert.deepEqual([c?.replyTo, c?.rootId], [second.remoteId, first.remoteId]);
    });

    test('a reply lands under the post it answers, in that post’s conversation', { skip: unless('publish.reply') }, async () => {
      const theirs = await other.post(`A question for the brand (${run})`);
      const answer = await connector.publish({ idempotencyKey: key('reply-1'), text: 'Here is our answer.', replyTo: theirs });
      assert.deepEqual(await other.read(answer).then((read) => [read?.replyTo, read?.rootId]), [theirs.remoteId, theirs.remoteId]);

      const followUp = await other.reply(answer, 'Thanks! And another thing…');
      const second = await connector.publish({ idempotencyKey: key('reply-2'), text: 'Happy to help.', replyTo: followUp });
      // The root is the conversation's first post, taken from the parent's own root.
      assert.deepEqual(await other.read(second).then((read) => [read?.replyTo, read?.rootId]), [followUp.remoteId, theirs.remoteId]);
    });

    test('publishing again with the same idempotency key never makes a second post', { skip: unless('publish.text') }, async () => {
      const text = `Once only (${run})`;
      const idempotencyKey = key('once');
      const first = await connector.publish({ idempotencyKey, text });
      const again = await connector.publish({ idempotencyKey, text });
      assert.equal(again.remoteId, first.remoteId);
      const restarted = await context.reconnect().publish({ idempotencyKey, text });
      assert.equal(restarted.remoteId, first.remoteId);

      // Two attempts at once (a job run twice by two workers).
      const racingText = `Raced (${run})`;
      const racingKey = key('raced');
      const [left, right] = await Promise.all([connector.publish({ idempotencyKey: racingKey, text: racingText }), context.reconnect().publish({ idempotencyKey: racingKey, text: racingText })]);
      assert.equal(left.remoteId, right.remoteId);

      assert.equal(await other.countBrandPosts(text), 1);
      assert.equal(await other.countBrandPosts(racingText), 1);
      const found = await connector.findPublished(idempotencyKey);
      assert.equal(found.state, 'published');
      assert.equal(found.state === 'published' && found.post.remoteId, first.remoteId);
    });

    test('getStatus follows a post until it is deleted', { skip: unless('post.status', 'post.delete') }, async () => {
      const idempotencyKey = key('deleted');
      const post = await connector.publish({ idempotencyKey, text: `Soon gone (${run})` });
      const status = await connector.getStatus(post);
      assert.equal(status.state, 'published');
      assert.equal(status.state === 'published' && status.post.remoteId, post.remoteId);

      await connector.delete(post);
      assert.deepEqual(await connector.getStatus(post), { state: 'missing' });
      assert.deepEqual(await connector.findPublished(idempotencyKey), { state: 'missing' });
      assert.equal(await other.read(post), null);
      await connector.delete(post); // already gone: nothing to do, no error
      assert.deepEqual(await connector.findPublished(key('never-used')), { state: 'missing' });
    });

    test('activitySince picks up replies, mentions, likes and follows once, across polls and a restart', { skip: unless('activity.mentions') }, async () => {
      await other.unfollow();
      let cursor = (await connector.activitySince(null)).cursor;
      const seen = new Map<string, Activity>();
      const collect = (items: Activity[], where: string) => {
        for (const item of items) {
          assert.ok(!seen.has(item.id), `${where}: ${item.kind} ${item.id} was already handed out`);
          seen.set(item.id, item);
        }
      };
      const poll = async (from: Connector, where: string) => {
        const page = await from.activitySince(cursor);
        collect(page.items, where);
        if (page.cursor !== null) cursor = page.cursor;
        return page;
      };
      const find = (kind: ActivityKind, match: (activity: Activity) => boolean) => [...seen.values()].find((activity) => activity.kind === kind && match(activity));

      const ours = await connector.publish({ idempotencyKey: key('activity'), text: `Tell us what you think (${run})` });
      const expected: Array<[Capability, ActivityKind, (activity: Activity) => boolean]> = [];
      if (has('activity.replies')) {
        const reply = await other.reply(ours, `I think it is great (${run})`);
        expected.push(['activity.replies', 'reply', (a) => a.post?.remoteId === reply.remoteId && a.subjectRemoteId === ours.remoteId && a.post.replyTo === ours.remoteId && a.post.text.includes('great')]);
      }
      const mention = await other.mentionBrand(`Have you seen what ${other.brandMention} did? (${run})`);
      expected.push(['activity.mentions', 'mention', (a) => a.post?.remoteId === mention.remoteId && a.author.remoteId === other.remoteId && a.post.replyTo === null]);
      if (has('activity.likes')) {
        await other.like(ours);
        expected.push(['activity.likes', 'like', (a) => a.subjectRemoteId === ours.remoteId && a.author.remoteId === other.remoteId]);
      }
      if (has('activity.follows')) {
        await other.follow();
        expected.push(['activity.follows', 'follow', (a) => a.author.remoteId === other.remoteId && a.createdAt >= new Date(Date.now() - 3_600_000).toISOString()]);
      }

      let polls = 0;
      await waitFor(
        async () => {
          await poll(connector, `poll ${(polls += 1)}`);
          return expected.every(([, kind, match]) => find(kind, match));
        },
        { ...settle, what: `activity: ${expected.map(([, kind]) => kind).join(', ')}` },
      ).catch((error: Error) => {
        const missing = expected.filter(([, kind, match]) => !find(kind, match)).map(([, kind]) => kind);
        const got = [...seen.values()].map((a) => `${a.kind} by ${a.author.handle} on ${a.subjectRemoteId ?? '-'} (${a.post?.text ?? ''})`);
        throw new Error(`${error.message}; missing ${missing.join(', ')}; seen: ${got.join(' | ') || 'nothing'}`);
      });
      for (const n of [1, 2]) await poll(connector, `extra poll ${n}`);

      // A restart: a new connector from the stored cursor hands out nothing already seen…
      const restarted = context.reconnect();
      await poll(restarted, 'first poll after a restart');
      // …and what comes next, once.
      const after = await other.reply(ours, `One more thing (${run})`);
      await waitFor(async () => (await poll(restarted, 'after restart'), [...seen.values()].some((a) => a.post?.remoteId === after.remoteId)), { ...settle, what: 'the reply after the restart' });
      await poll(restarted, 'last poll');
      // A reply that mentions the brand is one activity (Bluesky: as a mention), never two.
      const both = await other.reply(ours, `Still thinking about it, ${other.brandMention} (${run})`);
      await waitFor(async () => (await poll(restarted, 'reply with mention'), [...seen.values()].some((a) => a.post?.remoteId === both.remoteId)), { ...settle, what: 'the reply that mentions the brand' });
      await poll(restarted, 'after the reply with mention');
      assert.equal([...seen.values()].filter((a) => a.post?.remoteId === both.remoteId).length, 1);
    });

    test('thread() returns the conversation, from its first post', { skip: unless('thread.fetch') }, async () => {
      const root = await connector.publish({ idempotencyKey: key('conversation'), text: `What should we make next? (${run})` });
      const theirs = await other.reply(root, 'Blue ones!');
      const ourAnswer = await connector.publish({ idempotencyKey: key('conversation-answer'), text: 'Noted!', replyTo: theirs });
      const check = async (from: RemotePost) => {
        const thread = await connector.thread(from).catch((error: unknown) => {
          if (error instanceof ConnectorError && error.kind === 'transient') return null; // not visible yet
          throw error;
        });
        if (!thread) return false;
        assert.equal(thread.remoteId, root.remoteId);
        assert.equal(thread.replyTo, null);
        const reply = thread.replies.find((post) => post.remoteId === theirs.remoteId);
        if (!reply?.replies.some((post) => post.remoteId === ourAnswer.remoteId)) return false;
        assert.equal(reply.author.remoteId, other.remoteId);
        assert.equal(reply.text, 'Blue ones!');
        assert.equal(reply.replyTo, root.remoteId);
        return true;
      };
      await waitFor(() => check(root), { ...settle, what: 'the whole conversation from its first post' });
      await waitFor(() => check(ourAnswer), { ...settle, what: 'the whole conversation from its last post' });
    });

    test('like() likes a post once, however often it is asked', { skip: unless('engage.like') }, async () => {
      const theirs = await other.post(`Like this if you agree (${run})`);
      await connector.like(theirs);
      await connector.like(theirs);
      await context.reconnect().like(theirs);
      assert.equal(await other.likesBy(theirs, context.brandId), 1);
    });

    test('account and post metrics move', { skip: unless('metrics.account', 'metrics.post') }, async () => {
      // Counts lag behind actions (indexing): only what cannot be ambiguous is checked.
      await other.follow();
      const before = await connector.accountMetrics();
      const post = await connector.publish({ idempotencyKey: key('metrics'), text: `Counting (${run})` });
      let latest = before;
      await waitFor(async () => {
        latest = await connector.accountMetrics();
        return latest.followers >= 1 && latest.posts > before.posts;
      }, { ...settle, what: 'the follower and one more post' }).catch((error: Error) => {
        throw new Error(`${error.message}: before ${JSON.stringify(before)}, now ${JSON.stringify(latest)}`);
      });

      // A new post starts from nothing: one like and one reply are exactly that.
      await other.like(post);
      await other.reply(post, 'Counted!');
      let metrics: PostMetrics | undefined;
      await waitFor(async () => {
        [metrics] = await connector.postMetrics([post]);
        return metrics?.remoteId === post.remoteId && metrics.likes === 1 && metrics.replies === 1 && metrics.reposts === 0;
      }, { ...settle, what: 'a like and a reply in the post metrics' }).catch((error: Error) => {
        throw new Error(`${error.message}: now ${JSON.stringify(metrics)}`);
      });
    });

    test('search() finds a public post', { skip: unless('search.posts') }, async () => {
      const word = `relaissearch${run}`;
      const post = await connector.publish({ idempotencyKey: key('search'), text: `Searchable: ${word}` });
      const page = await waitFor(async () => {
        const found = await connector.search(word, null);
        return found.items.some((item) => item.remoteId === post.remoteId) && found;
      }, { ...settle, what: 'the post in search results' });
      const item = page.items.find((found) => found.remoteId === post.remoteId)!;
      assert.equal(item.author.remoteId, context.brandId);
      assert.equal(item.text, `Searchable: ${word}`);
    });

    test('a wrong secret is an auth error', async () => {
      const wrong = context.connectWithWrongSecret();
      await assert.rejects(wrong.profile(), isConnectorError('auth'));
      await assert.rejects(wrong.publish({ idempotencyKey: key('wrong-secret'), text: 'Should never appear' }), isConnectorError('auth'));
    });
  });
}
