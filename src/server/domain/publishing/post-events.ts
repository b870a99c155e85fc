// Every post keeps its history: who did what, when (edits, approvals,
// comments, publishing outcomes). Written in the same transaction as the change.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface EventActor {
  userId: string | null;
  /** Shown in the history when there is no account behind the action (a client, the publisher, an RSS feed). */
  label: string;
}

export const systemActor: EventActor = { userId: null, label: 'Relais' };

export interface PostEvent {
  postId: string;
  workspaceId: string;
  targetId?: string | null;
  actor: EventActor;
  action: string;
  detail?: Record<string, unknown> | null;
  at: number;
}

export function postEventRow(event: PostEvent): Insertable<Database['post_event']> {
  return {
    post_id: event.postId,
    workspace_id: event.workspaceId,
    target_id: event.targetId ?? null,
    actor_id: event.actor.userId,
    actor_label: event.actor.label,
    action: event.action,
    detail: event.detail ? JSON.stringify(event.detail) : null,
    created_at: event.at,
  };
}

export async function recordPostEvent(db: Kysely<Database> | Transaction<Database>, event: PostEvent): Promise<void> {
  await db.insertInto('post_event').values(postEventRow(event)).execute();
}
