// Invitations: a workspace's pending ones, and the public view behind a link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  CreatedInvitation,
  Invitation,
  InviteRequest,
  PublicInvitation,
} from '../../shared/api-types.ts';
import { api, apiPath } from './client.ts';
import { queryKeys } from './keys.ts';
import { refreshSession } from './session.ts';

export function useInvitations(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.invitations(workspaceId),
    queryFn: async () =>
      (await api.get<{ invitations: Invitation[] }>(apiPath`/api/workspaces/${workspaceId}/invitations`)).invitations,
  });
}

export function useInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InviteRequest) =>
      (await api.post<{ invitation: CreatedInvitation }>(apiPath`/api/workspaces/${workspaceId}/invitations`, body))
        .invitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) }),
  });
}

export function useCancelInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete(apiPath`/api/workspaces/${workspaceId}/invitations/${invitationId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) }),
  });
}

export function usePublicInvitation(invitationId: string) {
  return useQuery({
    queryKey: queryKeys.publicInvitation(invitationId),
    queryFn: async () =>
      (await api.get<{ invitation: PublicInvitation }>(apiPath`/api/invitations/${invitationId}`)).invitation,
  });
}

export function useAcceptInvitation(invitationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) =>
      api.post<AcceptInvitationResponse>(apiPath`/api/invitations/${invitationId}/accept`, body),
    onSuccess: () => refreshSession(queryClient),
  });
}

/** Invitation links may come back relative; people copy absolute ones. */
export function absoluteLink(link: string): string {
  try {
    return new URL(link, window.location.origin).href;
  } catch {
    return link;
  }
}
