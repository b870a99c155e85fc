// Addresses of the publishing pages, and which tab of the posts list a post belongs in.
import type { PostView, TargetState } from '../../shared/publishing.ts';
import type { PostListFilter } from './publishing-api.ts';

export const postTabs = ['scheduled', 'drafts', 'pending', 'published', 'failed'] as const;
export type PostTab = (typeof postTabs)[number];

export const tabFilters: Record<PostTab, PostListFilter> = {
  scheduled: { states: ['scheduled', 'publishing'] },
  drafts: { states: ['draft'] },
  pending: { approval: 'pending' },
  published: { states: ['published'] },
  failed: { states: ['failed', 'needs_attention'] },
};

/** The states a tab shows a post's targets in (other targets of the post are shown dimmed). */
export const tabStates: Record<PostTab, TargetState[] | null> = {
  scheduled: ['scheduled', 'publishing'],
  drafts: ['draft'],
  pending: ['pending_approval'],
  published: ['published'],
  failed: ['failed', 'needs_attention'],
};

export function isPostTab(value: string | null): value is PostTab {
  return (postTabs as readonly string[]).includes(value ?? '');
}

const base = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}`;

export function postsPath(workspaceId: string, tab?: PostTab): string {
  return `${base(workspaceId)}/posts${tab && tab !== 'scheduled' ? `?tab=${tab}` : ''}`;
}

export function postPath(workspaceId: string, postId: string, tab?: PostTab): string {
  return `${base(workspaceId)}/posts/${encodeURIComponent(postId)}${tab && tab !== 'scheduled' ? `?tab=${tab}` : ''}`;
}

export function composePath(workspaceId: string): string {
  return `${base(workspaceId)}/compose`;
}

export function editPostPath(workspaceId: string, postId: string): string {
  return `${base(workspaceId)}/posts/${encodeURIComponent(postId)}/edit`;
}

export function publishingPath(workspaceId: string, page: 'queues' | 'campaigns' | 'settings'): string {
  return `${base(workspaceId)}/publishing/${page}`;
}

/** Where a post shows after it was saved. */
export function tabForPost(post: PostView): PostTab {
  if (post.approval === 'pending') return 'pending';
  const states = post.targets.map((t) => t.state);
  if (states.some((s) => s === 'failed' || s === 'needs_attention')) return 'failed';
  if (states.some((s) => s === 'scheduled' || s === 'publishing')) return 'scheduled';
  if (states.length > 0 && states.every((s) => s === 'published')) return 'published';
  return 'drafts';
}
