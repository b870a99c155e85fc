// Client approval links as TanStack Query hooks: the team's side (list,
// create, revoke) and the client's page (read, approve, comment) — the latter
// with no session: the token in the address is the credential.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalLinkView, CreateApprovalLinkInput, CreatedApprovalLink, ReviewPage, ReviewPost } from '../../shared/approval-links.ts';
import { api, apiPath } from '../api/client.ts';

export const approvalLinkKeys = {
  links: (workspaceId: string) => ['workspaces', workspaceId, 'approval-links'] as const,
  review: (token: string) => ['public-review', token] as const,
};

export function useApprovalLinks(workspaceId: string) {
  return useQuery({
    queryKey: approvalLinkKeys.links(workspaceId),
    queryFn: async () => (await api.get<{ links: ApprovalLinkView[] }>(apiPath`/api/workspaces/${workspaceId}/approval-links`)).links,
  });
}

export function useCreateApprovalLink(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApprovalLinkInput) => api.post<CreatedApprovalLink>(apiPath`/api/workspaces/${workspaceId}/approval-links`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalLinkKeys.links(workspaceId) }),
  });
}

export function useRevokeApprovalLink(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (linkId: string) => (await api.post<{ link: ApprovalLinkView }>(apiPath`/api/workspaces/${workspaceId}/approval-links/${linkId}/revoke`, {})).link,
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalLinkKeys.links(workspaceId) }),
  });
}

export function useReviewPage(token: string) {
  return useQuery({
    queryKey: approvalLinkKeys.review(token),
    queryFn: () => api.get<ReviewPage>(apiPath`/api/review/${token}`),
  });
}

/** Approve or comment; the page's copy of the post is replaced by the server's answer. */
export function useClientAction(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ postId, action, name, comment }: { postId: string; action: 'approve' | 'comment'; name: string; comment: string }) => {
      const body = action === 'approve' && comment.trim() === '' ? { name } : { name, comment };
      return (await api.post<{ post: ReviewPost }>(apiPath`/api/review/${token}/posts/${postId}/${action}`, body)).post;
    },
    onSuccess: (post) =>
      queryClient.setQueryData<ReviewPage>(approvalLinkKeys.review(token), (page) => (page ? { ...page, posts: page.posts.map((p) => (p.id === post.id ? post : p)) } : page)),
  });
}
