// Saved post templates and hashtag groups of a workspace.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContentTemplate, ContentTemplateInput, HashtagGroup, HashtagGroupInput } from '../../shared/composer/kit-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export function useTemplates(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.templates(workspaceId),
    queryFn: async () => (await api.get<{ templates: ContentTemplate[] }>(apiPath`/api/workspaces/${workspaceId}/templates`)).templates,
  });
}

export function useSaveTemplate(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ContentTemplateInput }) =>
      id
        ? api.patch<{ template: ContentTemplate }>(apiPath`/api/workspaces/${workspaceId}/templates/${id}`, input)
        : api.post<{ template: ContentTemplate }>(apiPath`/api/workspaces/${workspaceId}/templates`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.templates(workspaceId) }),
  });
}

export function useDeleteTemplate(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/templates/${templateId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.templates(workspaceId) }),
  });
}

export function useHashtagGroups(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.hashtagGroups(workspaceId),
    queryFn: async () => (await api.get<{ groups: HashtagGroup[] }>(apiPath`/api/workspaces/${workspaceId}/hashtag-groups`)).groups,
  });
}

export function useSaveHashtagGroup(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: HashtagGroupInput }) =>
      id
        ? api.patch<{ group: HashtagGroup }>(apiPath`/api/workspaces/${workspaceId}/hashtag-groups/${id}`, input)
        : api.post<{ group: HashtagGroup }>(apiPath`/api/workspaces/${workspaceId}/hashtag-groups`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.hashtagGroups(workspaceId) }),
  });
}

export function useDeleteHashtagGroup(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/hashtag-groups/${groupId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.hashtagGroups(workspaceId) }),
  });
}
