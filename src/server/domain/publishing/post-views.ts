// Rows to the API's shapes. Content is stored as JSON; times as epoch ms.
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { postContentSchema, type PostContent, type PostView, type TargetView } from '../../../shared/publishing.ts';

export type PostRow = Selectable<Database['post']>;
export type TargetRow = Selectable<Database['post_target']>;
export interface TargetRowWithChannel extends TargetRow {
  network: string;
  handle: string;
}

const iso = (value: number | null) => (value == null ? null : new Date(Number(value)).toISOString());

export function parseContent(json: string): PostContent {
  return postContentSchema.parse(JSON.parse(json));
}

export function sameContent(a: PostContent, b: PostContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function toTargetView(row: TargetRowWithChannel, postContent: PostContent): TargetView {
  const content = parseContent(row.content);
  const metrics = row.metrics ? (JSON.parse(row.metrics) as Omit<NonNullable<TargetView['metrics']>, 'at'>) : null;
  return {
    id: row.id,
    channelId: row.channel_id,
    network: row.network,
    handle: row.handle,
    content,
    customized: !sameContent(content, postContent),
    state: row.state,
    scheduledAt: iso(row.scheduled_at),
    version: Number(row.version),
    remoteId: row.remote_id,
    remoteUrl: row.remote_url,
    publishedAt: iso(row.published_at),
    attempts: Number(row.attempts),
    nextAttemptAt: iso(row.next_attempt_at),
    holdReason: row.hold_reason,
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
    metrics: metrics && row.metrics_at ? { ...metrics, at: iso(row.metrics_at)! } : null,
  };
}

export function toPostView(row: PostRow, targets: TargetRowWithChannel[], author: { id: string; name: string } | null): PostView {
  const content = parseContent(row.content);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    author,
    campaignId: row.campaign_id,
    content,
    scheduleKind: row.schedule_kind,
    approval: row.approval,
    source: row.source,
    version: Number(row.version),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    targets: targets.map((target) => toTargetView(target, content)),
  };
}
