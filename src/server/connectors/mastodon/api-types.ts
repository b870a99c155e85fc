// The parts of Mastodon's JSON entities the connector reads (docs.joinmastodon.org,
// entities/*). Field names are the API's own; everything the connector does not
// use is left out, and anything a Mastodon-compatible server may omit is optional.

export interface MastoAccount {
  id: string;
  username: string;
  /** `user` for a local account, `user@domain` for a remote one. */
  acct: string;
  display_name?: string;
  url?: string | null;
  uri?: string;
  avatar?: string | null;
  avatar_static?: string | null;
  followers_count?: number;
  following_count?: number;
  statuses_count?: number;
}

export interface MastoMention {
  id: string;
  username: string;
  acct: string;
  url: string;
}

export interface MastoMediaAttachment {
  id: string;
  type: 'unknown' | 'image' | 'gifv' | 'video' | 'audio';
  /** Null while the full-size file is still processing (POST /api/v2/media answered 202). */
  url: string | null;
  preview_url?: string | null;
  description?: string | null;
}

/** Mastodon 4.5: `quote` is a Quote (with the quoted status) or a ShallowQuote (its id only). */
export interface MastoQuote {
  state?: string;
  quoted_status?: MastoStatus | null;
  quoted_status_id?: string | null;
}

export type MastoVisibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface MastoStatus {
  id: string;
  uri: string;
  url?: string | null;
  created_at: string;
  account: MastoAccount;
  /** HTML. */
  content: string;
  /** Plain source text; only in some answers (deletion, edits, some servers always). */
  text?: string | null;
  visibility: MastoVisibility;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  reblog?: MastoStatus | null;
  media_attachments?: MastoMediaAttachment[];
  mentions?: MastoMention[];
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  quotes_count?: number;
  language?: string | null;
  quote?: MastoQuote | null;
  application?: { name: string; website?: string | null } | null;
}

export interface MastoNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastoAccount;
  status?: MastoStatus | null;
}

export interface MastoContext {
  ancestors: MastoStatus[];
  descendants: MastoStatus[];
}

export interface MastoSearch {
  accounts: MastoAccount[];
  statuses: MastoStatus[];
  hashtags: unknown[];
}

export interface MastoApplication {
  id?: string;
  name: string;
  client_id: string;
  client_secret: string;
  redirect_uri?: string;
  redirect_uris?: string[];
}

export interface MastoToken {
  access_token: string;
  token_type: string;
  scope: string;
  created_at: number;
  /** Not Mastodon's: some compatible servers issue these. */
  refresh_token?: string;
  expires_in?: number;
}

/** The configuration part of /api/v2/instance (and its /api/v1/instance equivalent). */
export interface MastoInstanceConfiguration {
  statuses?: { max_characters?: number; max_media_attachments?: number; characters_reserved_per_url?: number };
  media_attachments?: {
    supported_mime_types?: string[];
    image_size_limit?: number;
    video_size_limit?: number;
    description_limit?: number;
  };
}

export interface MastoInstanceV2 {
  domain: string;
  title?: string;
  version: string;
  configuration?: MastoInstanceConfiguration;
  api_versions?: Record<string, number>;
}

export interface MastoInstanceV1 {
  uri: string;
  title?: string;
  version: string;
  configuration?: MastoInstanceConfiguration;
  /** Pleroma/Akkoma and Mastodon < 3.4 say the text limit here. */
  max_toot_chars?: number;
}
