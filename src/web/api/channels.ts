// Channels of a workspace (its social accounts) and the networks they live on.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Channel,
  ConnectChannelRequest,
  NetworkInfo,
  StartChannelOAuthRequest,
  StartChannelOAuthResponse,
} from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';

/** The networks this Relais can connect; they only change with a new version. */
export function useNetworks() {
  return useQuery({
    queryKey: queryKeys.networks,
    queryFn: async () => (await api.get<{ networks: NetworkInfo[] }>('/api/networks')).networks,
    staleTime: Infinity,
  });
}

export function useChannels(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.channels(workspaceId),
    queryFn: async () => (await api.get<{ channels: Channel[] }>(apiPath`/api/workspaces/${workspaceId}/channels`)).channels,
  });
}

/** Puts a channel the server just sent into the list, so the row changes at once. */
function useStoreChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return (channel: Channel) =>
    queryClient.setQueryData<Channel[]>(queryKeys.channels(workspaceId), (list) => {
      if (!list) return list;
      return list.some((c) => c.id === channel.id) ? list.map((c) => (c.id === channel.id ? channel : c)) : [...list, channel];
    });
}

/** Connects (or reconnects) an account with an app password or a token. */
export function useConnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  const store = useStoreChannel(workspaceId);
  return useMutation({
    mutationFn: async (body: ConnectChannelRequest) =>
      (await api.post<{ channel: Channel }>(apiPath`/api/workspaces/${workspaceId}/channels`, body)).channel,
    onSuccess: store,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.channels(workspaceId) }),
  });
}

/** Starts an OAuth authorization: the answer is the address to send the browser to. */
export function useStartChannelOAuth(workspaceId: string) {
  return useMutation({
    mutationFn: (body: StartChannelOAuthRequest) =>
      api.post<StartChannelOAuthResponse>(apiPath`/api/workspaces/${workspaceId}/channels/oauth`, body),
  });
}

/** Asks the network now whether the channel still works. */
export function useCheckChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  const store = useStoreChannel(workspaceId);
  return useMutation({
    mutationFn: async (channelId: string) =>
      (await api.post<{ channel: Channel }>(apiPath`/api/workspaces/${workspaceId}/channels/${channelId}/check`)).channel,
    onSuccess: store,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.channels(workspaceId) }),
  });
}

/** Disconnects a channel: its tokens are erased, its history kept. */
export function useDisconnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/channels/${channelId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.channels(workspaceId) }),
  });
}
