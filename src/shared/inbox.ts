// The unified inbox's API shapes, shared by the server (route schemas) and
// the web app. An item is one thing a person said to or about the brand (a
// reply, a mention, a quote, a direct message…); items of one thread share a
// conversation. Items are the unit of work: status, assignee, tags, notes,
// snooze, priority, replies.
//
// Routes (all under /api/workspaces/:workspaceId):
//   GET    /inbox/items?…InboxFilter            → InboxPage          (inbox:read)
//   GET    /inbox/counts                        → InboxCounts        (inbox:read)
//   GET    /inbox/items/:itemId                 → InboxItemDetail    (inbox:read)
//   PATCH  /inbox/items/:itemId  ItemUpdate     → InboxItemView      (inbox:work)
//   POST   /inbox/items/bulk     BulkUpdate     → { updated: number } (inbox:work)
//   POST   /inbox/items/:itemId/notes  NoteInput → NoteView          (inbox:work)
//   POST   /inbox/items/:itemId/replies ReplyInput → ReplyView       (inbox:work; sent at once with inbox:reply, else pending approval when the workspace asks for it)
//   POST   /inbox/replies/:replyId/approve | /reject {comment}       (inbox:reply)
//   POST   /inbox/items/:itemId/like                                 (inbox:work)
//   GET    /inbox/conversations/:conversationId → ConversationView   (inbox:read; thread re-read from the network when stale)
//   GET    /inbox/authors/:authorId             → AuthorCard         (inbox:read)
//   PATCH  /inbox/authors/:authorId  { tags }                        (inbox:work)
//   GET    /inbox/events?after=<id>  (text/event-stream; Last-Event-ID) (inbox:read)
//   GET|POST /inbox/saved-replies, PATCH|DELETE /inbox/saved-replies/:id (read: inbox:read; write: inbox:reply)
//   GET|POST /inbox/rules, PATCH|DELETE /inbox/rules/:id, POST /inbox/rules/:id/test (inbox:manage)
//   GET    /inbox/rules/:id/log ; POST /inbox/events/:eventId/undo   (inbox:manage / inbox:work)
//   GET|PUT /inbox/settings  InboxSettings                           (read: inbox:read; write: inbox:manage)
//   GET    /inbox/report?from&to → ResponseReport                    (inbox:read)
//   GET    /inbox/channels → poll state per channel                  (inbox:read)
//   GET    /inbox/teammates → { teammates: TeammateView[] }          (inbox:read; members who may work the inbox)
//   POST   /api/hooks/inbox/:channelId  (public, signature verified)
import { z } from 'zod';

export const inboxItemKinds = ['mention', 'reply', 'quote', 'directMessage', 'comment', 'review'] as const;
export type InboxItemKind = (typeof inboxItemKinds)[number];

export const inboxStatuses = ['open', 'pending', 'done'] as const;
export type InboxStatus = (typeof inboxStatuses)[number];

export const sentiments = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof sentiments)[number];

/** 0 normal, 1 high, 2 urgent. */
export const priorities = [0, 1, 2] as const;
export type Priority = (typeof priorities)[number];

const id = z.string().min(1).max(64);
const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,\n\r\t]+$/u);

/** Query of the inbox list. Arrays come as repeated or comma-separated query parameters. */
export const inboxFilterSchema = z.strictObject({
  /** Default: open. 'snoozed' lists the items waiting for their time. 'spam' lists items marked as spam (hidden elsewhere). */
  view: z.enum(['open', 'pending', 'done', 'all', 'snoozed', 'spam', 'mine', 'unassigned', 'overdue']).default('open'),
  channel: z.array(id).max(100).optional(),
  kind: z.array(z.enum(inboxItemKinds)).max(10).optional(),
  sentiment: z.array(z.enum(sentiments)).max(3).optional(),
  language: z.array(z.string().min(2).max(8)).max(20).optional(),
  assignee: z.array(id).max(50).optional(),
  tag: z.array(tag).max(20).optional(),
  author: id.optional(),
  priority: z.array(z.coerce.number().int().min(0).max(2)).max(3).optional(),
  /** ISO date or date-time (received at or after / before). */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  /** Full text (words, "a phrase"; accents and case ignored). */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['newest', 'oldest', 'priority']).default('newest'),
  /** Opaque, from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

export interface InboxAuthorView {
  id: string;
  network: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  url: string | null;
  followers: number | null;
  tags: string[];
}

export interface InboxItemView {
  id: number;
  channelId: string;
  kind: InboxItemKind;
  conversationId: string | null;
  author: InboxAuthorView;
  text: string;
  url: string | null;
  language: string | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  priority: Priority;
  priorityScore: number;
  status: InboxStatus;
  spam: boolean;
  assigneeId: string | null;
  snoozedUntil: string | null;
  tags: string[];
  /** The Relais post this item answers, when there is one. */
  postId: string | null;
  createdAt: string;
  receivedAt: string;
  firstResponseDueAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** Open, no first response yet, and past its due time (business hours). */
  overdue: boolean;
  liked: boolean;
  noteCount: number;
  replyCount: number;
}

export interface InboxPage {
  items: InboxItemView[];
  nextCursor: string | null;
}

export interface InboxCounts {
  open: number;
  pending: number;
  mine: number;
  unassigned: number;
  overdue: number;
  snoozed: number;
  spam: number;
}

/** A member who may work the inbox: someone to assign a message to or to mention in a note. */
export interface TeammateView {
  userId: string;
  name: string;
}

export interface NoteView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  createdAt: string;
}

export const replyStates = ['pending_approval', 'queued', 'sending', 'sent', 'failed', 'rejected', 'needs_attention'] as const;
export type ReplyState = (typeof replyStates)[number];

export interface ReplyView {
  id: string;
  itemId: number;
  text: string;
  state: ReplyState;
  authorId: string | null;
  authorName: string | null;
  approvedBy: string | null;
  reviewComment: string | null;
  url: string | null;
  failureMessage: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface InboxEventView {
  id: number;
  itemId: number | null;
  action: string;
  detail: Record<string, unknown>;
  actor: { kind: 'user'; id: string; name: string } | { kind: 'rule'; id: string; name: string } | { kind: 'system' };
  reversible: boolean;
  reversedAt: string | null;
  createdAt: string;
}

export interface InboxItemDetail {
  item: InboxItemView;
  notes: NoteView[];
  replies: ReplyView[];
  history: InboxEventView[];
}

export interface ThreadPostView {
  remoteId: string;
  url: string;
  author: { handle: string; displayName: string | null; avatarUrl: string | null };
  text: string;
  createdAt: string;
  /** Ours (the channel's account wrote it). */
  fromBrand: boolean;
  /** The inbox item for this post, when it is one. */
  itemId: number | null;
  replies: ThreadPostView[];
}

export interface ConversationView {
  id: string;
  channelId: string;
  rootUrl: string | null;
  postId: string | null;
  /** The whole thread from its root down, as last read from the network (null when it could not be read). */
  thread: ThreadPostView | null;
  threadFetchedAt: string | null;
  items: InboxItemView[];
}

export interface AuthorCard extends InboxAuthorView {
  itemCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Replies the brand sent to this person. */
  repliesSent: number;
  sentimentCounts: Record<Sentiment, number>;
  recentItems: InboxItemView[];
}

export const itemUpdateSchema = z.strictObject({
  status: z.enum(inboxStatuses).optional(),
  assigneeId: id.nullable().optional(),
  addTags: z.array(tag).max(20).optional(),
  removeTags: z.array(tag).max(20).optional(),
  priority: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  spam: z.boolean().optional(),
  /** ISO date-time in the future, or null to wake it now. */
  snoozedUntil: z.string().max(40).nullable().optional(),
});
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

export const bulkUpdateSchema = z.strictObject({
  itemIds: z.array(z.number().int().positive()).min(1).max(500),
  update: itemUpdateSchema,
});
export type BulkUpdate = z.infer<typeof bulkUpdateSchema>;

/**
 * An internal note. Teammates are mentioned by id in `mentions` (the web app's
 * @ picker fills it and writes "@Name" in the body); each is notified once.
 */
export const noteInputSchema = z.strictObject({
  body: z.string().trim().min(1).max(5000),
  mentions: z.array(id).max(20).default([]),
});
export type NoteInput = z.infer<typeof noteInputSchema>;

export const replyInputSchema = z.strictObject({
  text: z.string().trim().min(1).max(5000),
  savedReplyId: id.nullable().optional(),
  /** Mark the item done once the reply is sent. */
  markDone: z.boolean().default(false),
});
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const savedReplyInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  language: z.enum(['fr', 'en']),
  body: z.string().trim().min(1).max(5000),
});
export type SavedReplyInput = z.infer<typeof savedReplyInputSchema>;

export interface SavedReplyView {
  id: string;
  title: string;
  language: 'fr' | 'en';
  body: string;
  useCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Variables a saved reply may carry; filled from the item (order number is left for the person to type). */
export const savedReplyVariables = ['name', 'handle', 'first_name', 'channel', 'agent', 'order_number'] as const;

/** Every condition given must hold (AND); lists inside a condition are alternatives (OR). */
export const ruleConditionsSchema = z.strictObject({
  /** Words or phrases; any of them (accent- and case-insensitive, whole words). */
  keywords: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  /** Boolean query: words, "phrases", AND, OR, NOT, parentheses (e.g. livraison AND (retard OR "pas reçu")). */
  query: z.string().trim().min(1).max(500).optional(),
  channelIds: z.array(id).max(100).optional(),
  kinds: z.array(z.enum(inboxItemKinds)).max(10).optional(),
  languages: z.array(z.string().min(2).max(8)).max(20).optional(),
  sentiments: z.array(z.enum(sentiments)).max(3).optional(),
  minFollowers: z.number().int().min(0).optional(),
});
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tag'), tag }),
  z.strictObject({ type: z.literal('assign'), userId: id }),
  z.strictObject({ type: z.literal('priority'), priority: z.union([z.literal(0), z.literal(1), z.literal(2)]) }),
  z.strictObject({ type: z.literal('markDone') }),
  z.strictObject({ type: z.literal('markSpam') }),
  z.strictObject({ type: z.literal('notify'), userIds: z.array(id).min(1).max(50) }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;

export const ruleInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  conditions: ruleConditionsSchema,
  actions: z.array(ruleActionSchema).min(1).max(10),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export interface RuleView extends RuleInput {
  id: string;
  position: number;
  matchCount: number;
  lastMatchedAt: string | null;
  createdAt: string;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/u);
/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), in the workspace's time zone. */
export const businessHoursSchema = z.strictObject({
  days: z
    .array(z.strictObject({ weekday: z.number().int().min(1).max(7), start: time, end: time }))
    .max(21),
  /** true: every hour counts (a brand answering around the clock). */
  alwaysOpen: z.boolean().default(false),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const defaultBusinessHours: BusinessHours = {
  alwaysOpen: false,
  days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
};

export const inboxSettingsSchema = z.strictObject({
  businessHours: businessHoursSchema,
  firstResponseTargetMinutes: z.number().int().min(1).max(60 * 24 * 14),
  resolutionTargetMinutes: z.number().int().min(1).max(60 * 24 * 60),
  replyApproval: z.boolean(),
});
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;

export const defaultInboxSettings: InboxSettings = {
  businessHours: defaultBusinessHours,
  firstResponseTargetMinutes: 60,
  resolutionTargetMinutes: 8 * 60,
  replyApproval: false,
};

export interface ResponseFigures {
  items: number;
  responded: number;
  resolved: number;
  /** Business-hours milliseconds. */
  medianFirstResponseMs: number | null;
  averageFirstResponseMs: number | null;
  medianResolutionMs: number | null;
  /** Share of responded items answered within the target (0–1). */
  withinTarget: number | null;
  overdueNow: number;
}

export interface ResponseReport {
  from: string;
  to: string;
  targets: { firstResponseMinutes: number; resolutionMinutes: number };
  overall: ResponseFigures;
  byTeammate: Array<{ userId: string; name: string } & ResponseFigures>;
  byChannel: Array<{ channelId: string; name: string } & ResponseFigures>;
}

/** One message of the live feed (server-sent event `inbox`). */
export interface InboxLiveEvent {
  id: number;
  itemId: number | null;
  action: string;
}
