// The publishing API's calls as TanStack Query hooks: posts (list, one, history,
// write, review, settle a target), the workspace's publishing switches, queue
// slots and campaigns. Every change also refreshes the calendar's cache.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ContentIssue, Campaign, PostEventView, PostInput, PostUpdate, PostView, PublishingSettings, QueueSlot, TargetState } from '../../shared/publishing.ts';
import { api, apiPath } from '../api/client.ts';

export const publishingKeys = {
  posts: (workspaceId: string) => ['workspaces', workspaceId, 'posts'] as const,
  postList: (workspaceId: string, filter: PostListFilter) => ['workspaces', workspaceId, 'posts', 'list', filter] as const,
  post: (workspaceId: string, postId: string) => ['workspaces', workspaceId, 'posts', postId] as const,
  history: (workspaceId: string, postId: string) => ['workspaces', workspaceId, 'posts', postId, 'history'] as const,
  calendar: (workspaceId: string) => ['workspaces', workspaceId, 'calendar'] as const,
  settings: (workspaceId: string) => ['workspaces', workspaceId, 'publishing-settings'] as const,
  queueSlots: (workspaceId: string, channelId: string) => ['workspaces', workspaceId, 'queue-slots', channelId] as const,
  campaigns: (workspaceId: string) => ['workspaces', workspaceId, 'campaigns'] as const,
};

export interface PostListFilter {
  states?: TargetState[];
  approval?: 'pending';
  channelId?: string;
  campaignId?: string;
  limit?: number;
}

/** A post refused for its content: the server's issues, each naming its channel. */
export interface ChannelIssue extends ContentIssue {
  channelId: string;
}

function listQuery(filter: PostListFilter): string {
  const query = new URLSearchParams();
  if (filter.states?.length) query.set('state', filter.states.join(','));
  if (filter.approval) query.set('approval', filter.approval);
  if (filter.channelId) query.set('channelId', filter.channelId);
  if (filter.campaignId) query.set('campaignId', filter.campaignId);
  query.set('limit', String(filter.limit ?? 100));
  return query.toString();
}

/** After any change to a post: lists, the post itself and the calendar. */
function refreshPosts(queryClient: QueryClient, workspaceId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: publishingKeys.posts(workspaceId) }),
    queryClient.invalidateQueries({ queryKey: publishingKeys.calendar(workspaceId) }),
  ]);
}

function storePost(queryClient: QueryClient, workspaceId: string, post: PostView) {
  queryClient.setQueryData(publishingKeys.post(workspaceId, post.id), post);
}

export function usePosts(workspaceId: string, filter: PostListFilter, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: publishingKeys.postList(workspaceId, filter),
    queryFn: async () => (await api.get<{ posts: PostView[] }>(`${apiPath`/api/workspaces/${workspaceId}/posts`}?${listQuery(filter)}`)).posts,
    refetchInterval: options.refetchInterval,
  });
}

export function usePost(workspaceId: string, postId: string | null) {
  return useQuery({
    queryKey: publishingKeys.post(workspaceId, postId ?? ''),
    queryFn: async () => (await api.get<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId ?? ''}`)).post,
    enabled: postId !== null,
  });
}

export function usePostHistory(workspaceId: string, postId: string | null) {
  return useQuery({
    queryKey: publishingKeys.history(workspaceId, postId ?? ''),
    queryFn: async () => (await api.get<{ events: PostEventView[] }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId ?? ''}/history`)).events,
    enabled: postId !== null,
  });
}

/** Creates (POST) or updates (PUT with the version it was made from) a post. */
export function useSavePost(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ postId, body }: { postId: string | null; body: PostInput | PostUpdate }) =>
      postId
        ? (await api.put<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}`, body)).post
        : (await api.post<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts`, body)).post,
    onSuccess: (post) => storePost(queryClient, workspaceId, post),
    onSettled: () => refreshPosts(queryClient, workspaceId),
  });
}

/** Saves without the shared mutation state (autosave runs beside the person's own clicks). */
export function savePost(workspaceId: string, postId: string | null, body: PostInput | PostUpdate): Promise<PostView> {
  return postId
    ? api.put<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}`, body).then((r) => r.post)
    : api.post<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts`, body).then((r) => r.post);
}

export function checkPost(workspaceId: string, body: Pick<PostInput, 'content' | 'channels'>) {
  return api.post<{ channels: Array<{ channelId: string; issues: ContentIssue[] }> }>(apiPath`/api/workspaces/${workspaceId}/posts/check`, body);
}

export function useDeletePost(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/posts/${postId}`),
    onSettled: () => refreshPosts(queryClient, workspaceId),
  });
}

/** Approve, send back, comment: the decisions on a post, each recorded in its history. */
export function useReviewPost(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ postId, action, comment }: { postId: string; action: 'approve' | 'reject' | 'comment'; comment: string }) => {
      if (action === 'comment') {
        await api.post(apiPath`/api/workspaces/${workspaceId}/posts/${postId}/comments`, { comment });
        return null;
      }
      const body = action === 'approve' && comment.trim() === '' ? {} : { comment };
      return (await api.post<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}/${action}`, body)).post;
    },
    onSuccess: (post) => {
      if (post) storePost(queryClient, workspaceId, post);
    },
    onSettled: () => refreshPosts(queryClient, workspaceId),
  });
}

/** Retry a failed target, or record that it is on the network after all. */
export function useResolveTarget(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ postId, targetId, resolution }: { postId: string; targetId: string; resolution: { action: 'retry' } | { action: 'published'; url: string | null } }) =>
      (await api.post<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}/targets/${targetId}/resolve`, resolution)).post,
    onSuccess: (post) => storePost(queryClient, workspaceId, post),
    onSettled: () => refreshPosts(queryClient, workspaceId),
  });
}

export function useRescheduleTarget(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ postId, targetId, at }: { postId: string; targetId: string; at: string }) =>
      (await api.patch<{ post: PostView }>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}/targets/${targetId}`, { at })).post,
    onSuccess: (post) => storePost(queryClient, workspaceId, post),
    onSettled: () => refreshPosts(queryClient, workspaceId),
  });
}

export function usePublishingSettings(workspaceId: string) {
  return useQuery({
    queryKey: publishingKeys.settings(workspaceId),
    queryFn: () => api.get<PublishingSettings>(apiPath`/api/workspaces/${workspaceId}/publishing/settings`),
    // The pause is a crisis switch: another admin's change shows within a minute.
    refetchInterval: 60_000,
  });
}

export function useUpdatePublishingSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<Pick<PublishingSettings, 'paused' | 'requireAltText' | 'shortenLinks'>>) =>
      api.put<PublishingSettings>(apiPath`/api/workspaces/${workspaceId}/publishing/settings`, change),
    onSuccess: (settings) => queryClient.setQueryData(publishingKeys.settings(workspaceId), settings),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: publishingKeys.settings(workspaceId) }), refreshPosts(queryClient, workspaceId)]),
  });
}

export function useQueueSlots(workspaceId: string, channelId: string | null) {
  return useQuery({
    queryKey: publishingKeys.queueSlots(workspaceId, channelId ?? ''),
    queryFn: async () => (await api.get<{ slots: QueueSlot[] }>(apiPath`/api/workspaces/${workspaceId}/channels/${channelId ?? ''}/queue-slots`)).slots,
    enabled: channelId !== null,
  });
}

export function useSaveQueueSlots(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ channelId, slots }: { channelId: string; slots: QueueSlot[] }) =>
      (await api.put<{ slots: QueueSlot[] }>(apiPath`/api/workspaces/${workspaceId}/channels/${channelId}/queue-slots`, { slots })).slots,
    onSuccess: (slots, { channelId }) => queryClient.setQueryData(publishingKeys.queueSlots(workspaceId, channelId), slots),
  });
}

export function useCampaigns(workspaceId: string) {
  return useQuery({
    queryKey: publishingKeys.campaigns(workspaceId),
    queryFn: async () => (await api.get<{ campaigns: Campaign[] }>(apiPath`/api/workspaces/${workspaceId}/campaigns`)).campaigns,
  });
}

export type CampaignInput = Omit<Campaign, 'id'>;

export function useSaveCampaign(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id: string | null; input: CampaignInput }) =>
      id
        ? (await api.patch<{ campaign: Campaign }>(apiPath`/api/workspaces/${workspaceId}/campaigns/${id}`, input)).campaign
        : (await api.post<{ campaign: Campaign }>(apiPath`/api/workspaces/${workspaceId}/campaigns`, input)).campaign,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.campaigns(workspaceId) }),
  });
}

export function useDeleteCampaign(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/campaigns/${id}`),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: publishingKeys.campaigns(workspaceId) }), refreshPosts(queryClient, workspaceId)]),
  });
}
