// Workspace members: list, change role, remove.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member } from '../../shared/api-types.ts';
import type { WorkspaceRole } from '../../shared/roles.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: async () => (await api.get<{ members: Member[] }>(apiPath`/api/workspaces/${workspaceId}/members`)).members,
  });
}

export function useChangeMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: WorkspaceRole }) =>
      api.patch<{ member: Member }>(apiPath`/api/workspaces/${workspaceId}/members/${memberId}`, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/members/${memberId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });
}
