// API keys of a workspace: list, create (secret shown once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey } from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.apiKeys(workspaceId),
    queryFn: async () => (await api.get<{ apiKeys: ApiKey[] }>(apiPath`/api/workspaces/${workspaceId}/api-keys`)).apiKeys,
  });
}

export function useCreateApiKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) =>
      api.post<CreatedApiKey>(apiPath`/api/workspaces/${workspaceId}/api-keys`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId) }),
  });
}

export function useRevokeApiKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/api-keys/${apiKeyId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId) }),
  });
}
