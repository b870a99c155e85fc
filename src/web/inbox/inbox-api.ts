// The inbox settings' API calls (saved replies, rules, hours and targets, the
// report) and the query key everything about one workspace's inbox lives
// under, so that a live event refreshes what it touched. The items' own calls
// are in item-api.ts, the live feed in live-inbox.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxItemView, InboxSettings, ResponseReport, RuleInput, RuleView, SavedReplyInput, SavedReplyView } from '../../shared/inbox.ts';
import { api, apiPath } from '../api/client.ts';

export const inboxKey = (workspaceId: string) => ['inbox', workspaceId] as const;

function useInboxMutation<I, O>(workspaceId: string, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKey(workspaceId) }) });
}

export function useSavedReplies(workspaceId: string) {
  return useQuery({ queryKey: [...inboxKey(workspaceId), 'saved-replies'], queryFn: async () => (await api.get<{ savedReplies: SavedReplyView[] }>(apiPath`/api/workspaces/${workspaceId}/inbox/saved-replies`)).savedReplies });
}

export function useSaveSavedReply(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ id, input }: { id: string | null; input: SavedReplyInput }) =>
    id ? api.patch<SavedReplyView>(apiPath`/api/workspaces/${workspaceId}/inbox/saved-replies/${id}`, input) : api.post<SavedReplyView>(apiPath`/api/workspaces/${workspaceId}/inbox/saved-replies`, input),
  );
}

export function useDeleteSavedReply(workspaceId: string) {
  return useInboxMutation(workspaceId, (id: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/inbox/saved-replies/${id}`));
}

export function useRules(workspaceId: string) {
  return useQuery({ queryKey: [...inboxKey(workspaceId), 'rules'], queryFn: async () => (await api.get<{ rules: RuleView[] }>(apiPath`/api/workspaces/${workspaceId}/inbox/rules`)).rules });
}

export function useSaveRule(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ id, input }: { id: string | null; input: RuleInput }) =>
    id ? api.put<RuleView>(apiPath`/api/workspaces/${workspaceId}/inbox/rules/${id}`, input) : api.post<RuleView>(apiPath`/api/workspaces/${workspaceId}/inbox/rules`, input),
  );
}

export function useDeleteRule(workspaceId: string) {
  return useInboxMutation(workspaceId, (id: string) => api.delete(apiPath`/api/workspaces/${workspaceId}/inbox/rules/${id}`));
}

export function useReorderRules(workspaceId: string) {
  return useInboxMutation(workspaceId, (ruleIds: string[]) => api.put(apiPath`/api/workspaces/${workspaceId}/inbox/rules/order`, { ruleIds }));
}

export function useTestRule(workspaceId: string) {
  return useMutation({ mutationFn: (input: RuleInput) => api.post<{ items: InboxItemView[] }>(apiPath`/api/workspaces/${workspaceId}/inbox/rules/test`, input) });
}

export function useInboxSettings(workspaceId: string) {
  return useQuery({ queryKey: [...inboxKey(workspaceId), 'settings'], queryFn: () => api.get<InboxSettings & { timeZone: string }>(apiPath`/api/workspaces/${workspaceId}/inbox/settings`) });
}

export function useSaveInboxSettings(workspaceId: string) {
  return useInboxMutation(workspaceId, (input: InboxSettings) => api.put<InboxSettings>(apiPath`/api/workspaces/${workspaceId}/inbox/settings`, input));
}

export function useResponseReport(workspaceId: string, period: { from: string; to: string }) {
  return useQuery({
    queryKey: [...inboxKey(workspaceId), 'report', period],
    queryFn: () => api.get<ResponseReport>(`${apiPath`/api/workspaces/${workspaceId}/inbox/report`}?${new URLSearchParams(period)}`),
  });
}
