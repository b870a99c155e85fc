// The workspace's media library: pages of files (with search), upload, alt
// text and tags, deletion.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { MediaKind, MediaPage, MediaView, UpdateMediaRequest } from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export const mediaPageSize = 48;

/** Types the library takes; the server checks the content again. */
export const acceptedMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4'];

export function useMediaLibrary(workspaceId: string, filters: { search: string; kind: MediaKind | null }) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.media(workspaceId), 'list', filters.search, filters.kind] as const,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ offset: String(pageParam), limit: String(mediaPageSize) });
      if (filters.search) query.set('search', filters.search);
      if (filters.kind) query.set('kind', filters.kind);
      return api.get<MediaPage>(`${apiPath`/api/workspaces/${workspaceId}/media`}?${query}`);
    },
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
}

export function useUploadMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return (await api.upload<{ media: MediaView }>(apiPath`/api/workspaces/${workspaceId}/media`, form)).media;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...queryKeys.media(workspaceId), 'list'] }),
  });
}

export function useUpdateMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...change }: UpdateMediaRequest & { id: string }) =>
      (await api.patch<{ media: MediaView }>(apiPath`/api/workspaces/${workspaceId}/media/${id}`, change)).media,
    onSuccess: (media) => queryClient.setQueryData([...queryKeys.media(workspaceId), media.id], media),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...queryKeys.media(workspaceId), 'list'] }),
  });
}

export function useDeleteMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/media/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.media(workspaceId) }),
  });
}
