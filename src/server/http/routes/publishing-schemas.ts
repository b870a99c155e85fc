// Response shapes of the publishing routes (OpenAPI); inputs come from src/shared/publishing.ts.
import { z } from 'zod';
import { postContentSchema, targetStates } from '../../../shared/publishing.ts';
import { workspaceParams } from './schemas.ts';

export const targetState = z.enum(targetStates);

export const targetView = z.object({
  id: z.string(),
  channelId: z.string(),
  network: z.string(),
  handle: z.string(),
  content: postContentSchema,
  customized: z.boolean(),
  state: targetState,
  scheduledAt: z.string().nullable(),
  version: z.number(),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  holdReason: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  metrics: z.object({ likes: z.number(), reposts: z.number(), replies: z.number(), quotes: z.number().nullable(), at: z.string() }).nullable(),
});

export const postView = z.object({
  id: z.string(),
  workspaceId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  campaignId: z.string().nullable(),
  content: postContentSchema,
  scheduleKind: z.enum(['draft', 'at', 'now', 'queue']),
  approval: z.enum(['not_required', 'pending', 'approved', 'rejected']),
  source: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  targets: z.array(targetView),
  linkClicks: z.number().optional(),
});

export const contentIssue = z.object({
  part: z.union([z.number(), z.literal('firstReply')]),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  severity: z.enum(['error', 'warning']),
});

export const postEventView = z.object({
  id: z.number(),
  action: z.string(),
  actor: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});

export const calendarEntry = z.object({
  targetId: z.string(),
  postId: z.string(),
  channelId: z.string(),
  network: z.string(),
  handle: z.string(),
  state: targetState,
  scheduledAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  text: z.string(),
  mediaCount: z.number(),
  campaignId: z.string().nullable(),
  authorId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
});

export const campaignView = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  utmCampaign: z.string().nullable(),
});

export const postParams = workspaceParams.extend({ postId: z.string().min(1).max(64) });
export const targetParams = postParams.extend({ targetId: z.string().min(1).max(64) });

/** "a,b,c" query lists. */
export const idList = z
  .string()
  .max(4000)
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));
