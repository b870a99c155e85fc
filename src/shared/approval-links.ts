// Client approval links: what the team sends (a period of posts, maybe a few
// channels, an expiry) and what the client's page receives. Shared by the
// server (route schemas) and the web app (the dialog, the list, the page).
import { z } from 'zod';
import type { PostContent, TargetState } from './publishing.ts';

export const approvalLinkDefaultDays = 14;
export const approvalLinkMaxDays = 90;
/** The longest period one link shows: a quarter and a bit. */
export const approvalLinkMaxPeriodDays = 100;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const createApprovalLinkSchema = z.strictObject({
  label: z.string().trim().min(1).max(120),
  /** First and last day shown, in the workspace's time zone (both included). */
  from: day,
  to: day,
  /** Only these channels' copies; none given: every channel. */
  channelIds: z.array(z.string().min(1).max(64)).max(100).optional(),
  expiresInDays: z.number().int().min(1).max(approvalLinkMaxDays).default(approvalLinkDefaultDays),
});
export type CreateApprovalLinkInput = z.input<typeof createApprovalLinkSchema>;

/** What a client types: their name (kept on the post's history) and maybe a comment. */
export const clientNameSchema = z.string().trim().min(1).max(80);
export const clientCommentSchema = z.string().trim().max(5000);

export interface ApprovalLinkView {
  id: string;
  label: string;
  from: string;
  to: string;
  /** The channels the link is limited to (empty: every channel). */
  channels: Array<{ id: string; network: string; handle: string }>;
  expiresAt: string;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  lastOpenedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
  approvals: number;
  comments: number;
  lastActionAt: string | null;
}

export interface CreatedApprovalLink {
  link: ApprovalLinkView;
  /** The address to send to the client; shown this once (only a hash of its token is kept). */
  url: string;
}

/** What the client has done on a post through any of the workspace's links. */
export interface ClientAction {
  kind: 'approved' | 'commented';
  name: string;
  comment: string | null;
  at: string;
  /** False when the post changed after this approval. */
  current: boolean;
}

export interface ReviewTarget {
  id: string;
  network: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  serverUrl: string;
  content: PostContent;
  state: TargetState;
  scheduledAt: string | null;
  publishedAt: string | null;
  remoteUrl: string | null;
}

export interface ReviewPost {
  id: string;
  /** The earliest time among the shown copies, for ordering and the day heading. */
  at: string | null;
  approval: 'not_required' | 'pending' | 'approved' | 'rejected';
  targets: ReviewTarget[];
  actions: ClientAction[];
  /** Whether the client may still approve (not when every copy is already out). */
  canApprove: boolean;
  /** The client approved this version of the post. */
  approvedByClient: boolean;
}

export interface ReviewMedia {
  id: string;
  kind: 'image' | 'video';
  mimeType: string;
  fileName: string;
  altText: string;
  /** Token-scoped addresses: the client has no account. */
  thumbnailUrl: string | null;
  fileUrl: string;
}

export interface ReviewPage {
  link: { label: string; from: string; to: string; expiresAt: string };
  workspace: { name: string; timeZone: string; language: string };
  posts: ReviewPost[];
  media: ReviewMedia[];
}
