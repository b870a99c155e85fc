// The parts of Bluesky's records and views (lexicons app.bsky.*, com.atproto.*)
// the connector reads. Everything is optional that the network may leave out.

export interface StrongRef {
  uri: string;
  cid: string;
}

export interface PostRecordValue {
  $type?: string;
  text?: string;
  createdAt?: string;
  langs?: string[];
  facets?: unknown[];
  reply?: { root?: StrongRef; parent?: StrongRef };
  embed?: { $type?: string; images?: Array<{ alt?: string }>; record?: StrongRef };
  subject?: StrongRef | string;
}

export interface RecordAnswer {
  uri: string;
  cid?: string;
  value: PostRecordValue;
}

export interface ProfileViewBasic {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

export interface ProfileViewDetailed extends ProfileViewBasic {
  followersCount?: number;
  followsCount?: number;
  postsCount?: number;
}

export interface PostView {
  uri: string;
  cid: string;
  author: ProfileViewBasic;
  record: PostRecordValue;
  replyCount?: number;
  repostCount?: number;
  likeCount?: number;
  quoteCount?: number;
  indexedAt: string;
  viewer?: { like?: string; repost?: string };
}

export interface Notification {
  uri: string;
  cid: string;
  author: ProfileViewBasic;
  reason: string;
  reasonSubject?: string;
  record: PostRecordValue;
  indexedAt: string;
}

export interface ThreadNode {
  $type?: string;
  post?: PostView;
  parent?: ThreadNode;
  replies?: ThreadNode[];
}

export const threadViewPost = 'app.bsky.feed.defs#threadViewPost';
