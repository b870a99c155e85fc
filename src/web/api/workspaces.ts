// Workspaces: create (instance admins), read and update settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkspaceRequest, MeResponse, UpdateWorkspaceRequest, Workspace } from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

function mergeIntoMe(workspace: Workspace) {
  return (me: MeResponse | null | undefined) => {
    if (!me) return me;
    const known = me.workspaces.some((w) => w.id === workspace.id);
    return {
      ...me,
      workspaces: known
        ? me.workspaces.map((w) => (w.id === workspace.id ? { ...w, ...workspace } : w))
        : [...me.workspaces, workspace],
    };
  };
}

export function useWorkspaceDetails(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: async () => (await api.get<{ workspace: Workspace }>(apiPath`/api/workspaces/${workspaceId}`)).workspace,
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateWorkspaceRequest) =>
      (await api.post<{ workspace: Workspace }>('/api/workspaces', body)).workspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData<MeResponse | null>(queryKeys.me, mergeIntoMe(workspace));
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateWorkspaceRequest) =>
      (await api.patch<{ workspace: Workspace }>(apiPath`/api/workspaces/${workspaceId}`, body)).workspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(queryKeys.workspace(workspaceId), workspace);
      queryClient.setQueryData<MeResponse | null>(queryKeys.me, mergeIntoMe(workspace));
    },
  });
}
