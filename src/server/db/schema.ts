// Typed view of the tables. better-auth's tables keep its camelCase names;
// Relais' own tables use snake_case. Times in Relais tables are epoch milliseconds.
import type { Generated, Selectable } from 'kysely';

type AuthDate = Date | string;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  locale: string | null;
  timeZone: string | null;
  instanceRole: string | null;
}

export interface SessionTable {
  id: string;
  expiresAt: AuthDate;
  token: string;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  activeOrganizationId: string | null;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface RateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: number;
}

export interface OrganizationTable {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  createdAt: AuthDate;
  metadata: string | null;
  language: string | null;
  timeZone: string | null;
}

export interface MemberTable {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: AuthDate;
}

export interface InvitationTable {
  id: string;
  organizationId: string;
  email: string;
  role: string | null;
  status: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  inviterId: string;
}

export interface InstanceSettingTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface ApiKeyTable {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  workspace_id: string | null;
  actor_user_id: string | null;
  actor_label: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
  created_at: number;
}

export type JobStatus = 'pending' | 'running' | 'dead';

export interface JobTable {
  id: Generated<number>;
  name: string;
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: Generated<number>;
  max_attempts: number;
  unique_key: string | null;
  workspace_id: string | null;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface CronEntryTable {
  name: string;
  schedule: string;
  next_run_at: number;
  updated_at: number;
}

export type ChannelStatus = 'connected' | 'reconnect_needed' | 'rate_limited' | 'disabled';

export interface ChannelTable {
  id: string;
  workspace_id: string;
  network: string;
  remote_id: string;
  server_url: string;
  handle: string;
  display_name: string | null;
  avatar_url: string | null;
  profile_url: string | null;
  credentials: string | null;
  status: ChannelStatus;
  status_reason: string | null;
  rate_limited_until: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface OauthAppTable {
  network: string;
  server_url: string;
  client_id: string;
  client_secret: string;
  redirect_uri: string;
  created_at: number;
}

export interface OauthStateTable {
  state: string;
  workspace_id: string;
  user_id: string;
  network: string;
  server_url: string;
  code_verifier: string;
  channel_id: string | null;
  expires_at: number;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  organization: OrganizationTable;
  member: MemberTable;
  invitation: InvitationTable;
  instance_setting: InstanceSettingTable;
  api_key: ApiKeyTable;
  audit_event: AuditEventTable;
  job: JobTable;
  cron_entry: CronEntryTable;
  channel: ChannelTable;
  oauth_app: OauthAppTable;
  oauth_state: OauthStateTable;
  campaign: CampaignTable;
  post: PostTable;
  post_target: PostTargetTable;
  post_event: PostEventTable;
  queue_slot: QueueSlotTable;
  publishing_setting: PublishingSettingTable;
  approval_link: ApprovalLinkTable;
  approval_link_action: ApprovalLinkActionTable;
  notification: NotificationTable;
  brand_rule: BrandRuleTable;
  dictionary_word: DictionaryWordTable;
  content_template: ContentTemplateTable;
  hashtag_group: HashtagGroupTable;
  media: MediaTable;
  short_link: ShortLinkTable;
  link_click: LinkClickTable;
  feed: FeedTable;
  feed_item: FeedItemTable;
  inbox_author: InboxAuthorTable;
  inbox_conversation: InboxConversationTable;
  inbox_item: InboxItemTable;
  inbox_item_tag: InboxItemTagTable;
  inbox_note: InboxNoteTable;
  inbox_event: InboxEventTable;
  inbox_reply: InboxReplyTable;
  saved_reply: SavedReplyTable;
  inbox_rule: InboxRuleTable;
  inbox_poll_state: InboxPollStateTable;
  inbox_webhook: InboxWebhookTable;
  inbox_setting: InboxSettingTable;
}

export type JobRow = Selectable<JobTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

// ── Publishing ──────────────────────────────────────────────────────────────

export interface CampaignTable {
  id: string;
  workspace_id: string;
  name: string;
  color: string;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  created_at: number;
}

export interface PostTable {
  id: string;
  workspace_id: string;
  author_id: string | null;
  campaign_id: string | null;
  content: string;
  schedule_kind: 'draft' | 'at' | 'now' | 'queue';
  approval: 'not_required' | 'pending' | 'approved' | 'rejected';
  source: string;
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export type TargetState = 'draft' | 'pending_approval' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'needs_attention';

export interface PostTargetTable {
  id: string;
  post_id: string;
  workspace_id: string;
  channel_id: string;
  content: string;
  state: TargetState;
  scheduled_at: number | null;
  version: number;
  publish_key: string | null;
  publish_started_at: number | null;
  claimed_job_id: number | null;
  published_parts: string;
  remote_id: string | null;
  remote_url: string | null;
  published_at: number | null;
  attempts: number;
  next_attempt_at: number | null;
  hold_reason: string | null;
  failure_code: string | null;
  failure_message: string | null;
  metrics: string | null;
  metrics_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PostEventTable {
  id: Generated<number>;
  post_id: string;
  workspace_id: string;
  target_id: string | null;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  detail: string | null;
  created_at: number;
}

export interface QueueSlotTable {
  id: string;
  workspace_id: string;
  channel_id: string;
  weekday: number;
  minute_of_day: number;
}

export interface PublishingSettingTable {
  workspace_id: string;
  paused: number;
  paused_at: number | null;
  paused_by: string | null;
  require_alt_text: number;
  shorten_links: Generated<number>;
  updated_at: number;
}

export interface ApprovalLinkTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  label: string;
  period_start: number;
  period_end: number;
  expires_at: number;
  created_by: string | null;
  created_at: number;
  revoked_at: number | null;
  /** JSON list of channel ids, or null for every channel (0008). */
  channel_ids: string | null;
  last_opened_at: number | null;
}

/** What a client did through an approval link (0008). */
export interface ApprovalLinkActionTable {
  id: string;
  link_id: string;
  workspace_id: string;
  post_id: string;
  kind: 'approved' | 'commented';
  client_name: string;
  comment: string | null;
  post_version: number;
  created_at: number;
}

export interface NotificationTable {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  payload: string;
  created_at: number;
  read_at: number | null;
}

// ── Composer kit ────────────────────────────────────────────────────────────

export interface BrandRuleTable {
  id: string;
  workspace_id: string;
  kind: 'forbidden' | 'required';
  term: string;
  term_key: string;
  suggestion: string | null;
  note: string | null;
  /** JSON list of networks; null for every network. */
  networks: string | null;
  created_by: string | null;
  created_at: number;
}

export interface DictionaryWordTable {
  workspace_id: string;
  word: string;
  created_at: number;
}

export interface ContentTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  language: string;
  text: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface HashtagGroupTable {
  id: string;
  workspace_id: string;
  name: string;
  /** JSON list, each with its leading #. */
  hashtags: string;
  created_at: number;
  updated_at: number;
}

// ── Media library ───────────────────────────────────────────────────────────

export interface MediaTable {
  id: string;
  workspace_id: string;
  kind: 'image' | 'video';
  mime_type: string;
  file_name: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  alt_text: string;
  /** JSON array of strings. */
  tags: string;
  sha256: string;
  storage_key: string;
  thumbnail_key: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface ShortLinkTable {
  id: string;
  code: string;
  workspace_id: string;
  post_id: string;
  target_id: string;
  channel_id: string;
  url: string;
  url_key: string;
  destination: string;
  shortened: number;
  posted_as: string;
  created_at: number;
}

export interface LinkClickTable {
  id: Generated<number>;
  short_link_id: string;
  workspace_id: string;
  at: number;
  referrer_host: string | null;
  user_agent_family: string | null;
  bot: number;
}

// ── Feeds (0007) ────────────────────────────────────────────────────────────

export interface FeedTable {
  id: string;
  workspace_id: string;
  url: string;
  title: string;
  /** JSON list of channel ids. */
  channel_ids: string;
  template: string;
  mode: 'draft' | 'queue' | 'now';
  campaign_id: string | null;
  active: number;
  cutoff_at: number;
  last_checked_at: number | null;
  next_check_at: number | null;
  /** JSON { code, params }. */
  last_error: string | null;
  error_count: number;
  etag: string | null;
  last_modified: string | null;
  created_by: string | null;
  created_by_key: string | null;
  created_at: number;
  updated_at: number;
}

export interface FeedItemTable {
  feed_id: string;
  workspace_id: string;
  guid_key: string;
  status: 'posted' | 'skipped' | 'skipped_old' | 'failed';
  post_id: string | null;
  title: string;
  link: string | null;
  published_at: number | null;
  /** JSON { code, params }. */
  error: string | null;
  attempts: number;
  seen_at: number;
}

// Unified inbox (migration 0009-inbox). Booleans are 0/1 integers on both engines.
export interface InboxAuthorTable {
  id: string;
  workspace_id: string;
  network: string;
  remote_id: string;
  handle: string;
  display_name: string | null;
  avatar_url: string | null;
  url: string | null;
  followers: number | null;
  /** JSON string[] */
  tags: string;
  first_seen_at: number;
}

export interface InboxConversationTable {
  id: string;
  workspace_id: string;
  channel_id: string;
  root_remote_id: string;
  root_url: string | null;
  root_ref: string | null;
  post_id: string | null;
  target_id: string | null;
  /** JSON ThreadPost (connectors/contract.ts) */
  thread: string | null;
  thread_fetched_at: number | null;
  created_at: number;
}

export type InboxItemKindColumn = 'mention' | 'reply' | 'quote' | 'directMessage' | 'comment' | 'review';
export type InboxStatusColumn = 'open' | 'pending' | 'done';

export interface InboxItemTable {
  id: Generated<number>;
  workspace_id: string;
  channel_id: string;
  remote_key: string;
  kind: InboxItemKindColumn;
  conversation_id: string | null;
  author_id: string;
  remote_id: string | null;
  remote_url: string | null;
  remote_ref: string | null;
  reply_to_remote_id: string | null;
  root_remote_id: string | null;
  text: string;
  search_text: string;
  language: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  sentiment_score: number | null;
  priority: number;
  priority_score: number;
  status: InboxStatusColumn;
  spam: number;
  assignee_id: string | null;
  snoozed_until: number | null;
  post_id: string | null;
  target_id: string | null;
  remote_created_at: number;
  received_at: number;
  first_response_due_at: number | null;
  first_response_at: number | null;
  first_response_by: string | null;
  first_response_business_ms: number | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution_business_ms: number | null;
  liked_at: number | null;
  updated_at: number;
}

export interface InboxItemTagTable {
  item_id: number;
  workspace_id: string;
  tag: string;
}

export interface InboxNoteTable {
  id: string;
  workspace_id: string;
  item_id: number;
  author_id: string;
  body: string;
  /** JSON string[] of user ids */
  mentions: string;
  created_at: number;
  updated_at: number;
}

export interface InboxEventTable {
  id: Generated<number>;
  workspace_id: string;
  item_id: number | null;
  action: string;
  /** JSON */
  detail: string;
  actor_user_id: string | null;
  actor_rule_id: string | null;
  reversed_at: number | null;
  reversed_by: string | null;
  created_at: number;
}

export type InboxReplyState = 'pending_approval' | 'queued' | 'sending' | 'sent' | 'failed' | 'rejected' | 'needs_attention';

export interface InboxReplyTable {
  id: string;
  workspace_id: string;
  item_id: number;
  channel_id: string;
  text: string;
  state: InboxReplyState;
  author_id: string | null;
  approved_by: string | null;
  review_comment: string | null;
  saved_reply_id: string | null;
  mark_done: Generated<number>;
  attempts: number;
  publish_started_at: number | null;
  claimed_job_id: number | null;
  remote_id: string | null;
  remote_url: string | null;
  remote_ref: string | null;
  failure_code: string | null;
  failure_message: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

export interface SavedReplyTable {
  id: string;
  workspace_id: string;
  title: string;
  language: 'fr' | 'en';
  body: string;
  use_count: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface InboxRuleTable {
  id: string;
  workspace_id: string;
  name: string;
  enabled: number;
  position: number;
  /** JSON RuleConditions */
  conditions: string;
  /** JSON RuleAction[] */
  actions: string;
  match_count: number;
  last_matched_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface InboxPollStateTable {
  channel_id: string;
  workspace_id: string;
  cursor: string | null;
  interval_ms: number;
  next_poll_at: number;
  last_polled_at: number | null;
  last_activity_at: number | null;
  error_count: number;
  last_error: string | null;
  items_total: number;
}

export interface InboxWebhookTable {
  channel_id: string;
  workspace_id: string;
  /** Sealed with the secret box, bound to the channel id. */
  secret: string;
  created_at: number;
  last_received_at: number | null;
}

export interface InboxSettingTable {
  workspace_id: string;
  /** JSON BusinessHours */
  business_hours: string;
  first_response_target_minutes: number;
  resolution_target_minutes: number;
  reply_approval: number;
  updated_at: number;
}
