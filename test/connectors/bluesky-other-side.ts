// "The other side" on Bluesky's local network: a fan account, driven with plain
// XRPC (test/support/bluesky.ts), never with the connector under test.
import type { RemotePost } from '../../src/server/connectors/contract.ts';
import { facet, type BlueskyActor, type Facet, type StrongRef } from '../support/bluesky.ts';
import type { OtherSide, ReadBack, ReadBackFacet } from './contract-suite.ts';

interface StoredPost {
  text: string;
  facets?: Facet[];
  reply?: { root: StrongRef; parent: StrongRef };
  embed?: { $type?: string; images?: Array<{ alt?: string }>; media?: { images?: Array<{ alt?: string }> } };
}

interface ListedRecord {
  uri: string;
  cid: string;
  value: Record<string, unknown>;
}

export function blueskyOtherSide(fan: BlueskyActor, brand: { did: string; handle: string }): OtherSide {
  const brandMention = `@${brand.handle}`;

  async function strongRef(post: RemotePost): Promise<StrongRef & { value: Record<string, unknown> }> {
    const record = await fan.getRecord(post.remoteId);
    if (!record) throw new Error(`no record at ${post.remoteId}`);
    return record;
  }

  async function listRecords(repo: string, collection: string): Promise<ListedRecord[]> {
    const records: ListedRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await fan.call<{ records: ListedRecord[]; cursor?: string }>('com.atproto.repo.listRecords', { params: { repo, collection, limit: 100, cursor } });
      records.push(...page.records);
      cursor = page.records.length > 0 ? page.cursor : undefined;
    } while (cursor);
    return records;
  }

  const mentionFacets = (text: string) => (text.includes(brandMention) ? [facet.mention(text, brand.handle, brand.did)] : undefined);
  const asRemote = (ref: StrongRef): RemotePost => ({ remoteId: ref.uri, url: `https://bsky.app/profile/${fan.did}/post/${ref.uri.split('/').pop()}`, ref: ref.cid });

  return {
    remoteId: fan.did,
    mention: `@${fan.handle}`,
    brandMention,

    async post(text) {
      return asRemote(await fan.post(text, { facets: mentionFacets(text) }));
    },

    async reply(to, text) {
      const parent = await strongRef(to);
      // A fan replies to a post they have seen in the app.
      await fan.waitUntilIndexed(parent.uri);
      const root = (parent.value as { reply?: { root: StrongRef } }).reply?.root ?? { uri: parent.uri, cid: parent.cid };
      return asRemote(await fan.post(text, { reply: { root, parent: { uri: parent.uri, cid: parent.cid } }, facets: mentionFacets(text) }));
    },

    async mentionBrand(text) {
      if (!text.includes(brandMention)) throw new Error(`the text must contain ${brandMention}`);
      return asRemote(await fan.post(text, { facets: mentionFacets(text) }));
    },

    async like(post) {
      const { uri, cid } = await strongRef(post);
      await fan.like({ uri, cid });
    },

    async follow() {
      const follows = await listRecords(fan.did, 'app.bsky.graph.follow');
      if (!follows.some((record) => record.value.subject === brand.did)) await fan.follow(brand.did);
    },

    async unfollow() {
      for (const record of await listRecords(fan.did, 'app.bsky.graph.follow')) {
        if (record.value.subject !== brand.did) continue;
        await fan.call('com.atproto.repo.deleteRecord', { body: { repo: fan.did, collection: 'app.bsky.graph.follow', rkey: record.uri.split('/').pop() } });
      }
    },

    async read(post): Promise<ReadBack | null> {
      const record = await fan.getRecord(post.remoteId);
      if (!record) return null;
      const value = record.value as unknown as StoredPost;
      const bytes = Buffer.from(value.text, 'utf8');
      const facets: ReadBackFacet[] = (value.facets ?? []).flatMap((item) =>
        item.features.map((feature): ReadBackFacet => {
          const text = bytes.subarray(item.index.byteStart, item.index.byteEnd).toString('utf8');
          if (feature.$type === 'app.bsky.richtext.facet#mention') return { kind: 'mention', text, value: feature.did };
          if (feature.$type === 'app.bsky.richtext.facet#link') return { kind: 'link', text, value: feature.uri };
          return { kind: 'tag', text, value: feature.tag };
        }),
      );
      const images = value.embed?.images ?? value.embed?.media?.images ?? [];
      return {
        authorId: record.uri.split('/')[2],
        text: value.text,
        facets,
        altTexts: images.map((image) => image.alt ?? ''),
        replyTo: value.reply?.parent.uri ?? null,
        rootId: value.reply?.root.uri ?? null,
      };
    },

    async countBrandPosts(text) {
      return (await listRecords(brand.did, 'app.bsky.feed.post')).filter((record) => record.value.text === text).length;
    },

    async likesBy(post, accountId) {
      return (await listRecords(accountId, 'app.bsky.feed.like')).filter((record) => (record.value.subject as StrongRef | undefined)?.uri === post.remoteId).length;
    },
  };
}
