// The feeds API as TanStack Query hooks: the list, one feed's items, reading a
// feed for the template preview, and the changes (add, edit, pause/resume,
// check now, delete). A check that posts also refreshes the posts and calendar.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FeedCheckResult, FeedInput, FeedItemView, FeedPreview, FeedUpdate, FeedView } from '../../shared/feeds.ts';
import { api, apiPath } from '../api/client.ts';
import { publishingKeys } from '../publishing/publishing-api.ts';

export const feedKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'feeds'] as const,
  items: (workspaceId: string, feedId: string) => ['workspaces', workspaceId, 'feeds', feedId, 'items'] as const,
};

function refresh(queryClient: QueryClient, workspaceId: string, posted: boolean) {
  const work = [queryClient.invalidateQueries({ queryKey: feedKeys.all(workspaceId) })];
  if (posted) {
    work.push(queryClient.invalidateQueries({ queryKey: publishingKeys.posts(workspaceId) }));
    work.push(queryClient.invalidateQueries({ queryKey: publishingKeys.calendar(workspaceId) }));
  }
  return Promise.all(work);
}

export function useFeeds(workspaceId: string) {
  return useQuery({
    queryKey: feedKeys.all(workspaceId),
    queryFn: async () => (await api.get<{ feeds: FeedView[] }>(apiPath`/api/workspaces/${workspaceId}/feeds`)).feeds,
    // Checks happen in the background: keep "last checked" and errors current while the page is open.
    refetchInterval: 60_000,
  });
}

export function useFeedItems(workspaceId: string, feedId: string | null) {
  return useQuery({
    queryKey: feedKeys.items(workspaceId, feedId ?? ''),
    queryFn: async () => (await api.get<{ items: FeedItemView[] }>(`${apiPath`/api/workspaces/${workspaceId}/feeds/${feedId ?? ''}/items`}?limit=100`)).items,
    enabled: feedId !== null,
  });
}

/** Reads a feed (its title and newest item) without following it. */
export function usePreviewFeed(workspaceId: string) {
  return useMutation({
    mutationFn: async (url: string) => (await api.post<{ preview: FeedPreview }>(apiPath`/api/workspaces/${workspaceId}/feeds/preview`, { url })).preview,
  });
}

export function useCreateFeed(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FeedInput) => api.post<{ feed: FeedView; check: FeedCheckResult | null }>(apiPath`/api/workspaces/${workspaceId}/feeds`, input),
    onSuccess: (answer) => refresh(queryClient, workspaceId, (answer.check?.posted ?? 0) > 0),
  });
}

export function useUpdateFeed(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ feedId, change }: { feedId: string; change: FeedUpdate }) => api.patch<{ feed: FeedView }>(apiPath`/api/workspaces/${workspaceId}/feeds/${feedId}`, change),
    onSuccess: () => refresh(queryClient, workspaceId, false),
  });
}

export function useCheckFeed(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => api.post<{ check: FeedCheckResult; feed: FeedView }>(apiPath`/api/workspaces/${workspaceId}/feeds/${feedId}/check`),
    onSuccess: (answer, feedId) =>
      Promise.all([refresh(queryClient, workspaceId, answer.check.posted > 0), queryClient.invalidateQueries({ queryKey: feedKeys.items(workspaceId, feedId) })]),
  });
}

export function useDeleteFeed(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/feeds/${feedId}`),
    onSuccess: () => refresh(queryClient, workspaceId, false),
  });
}
