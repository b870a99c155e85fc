// The inbox's API calls and queries. Everything about one workspace's inbox
// lives under one query key, so that a live event refreshes what it touched.
import { useEffect, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuthorCard,
  BulkUpdate,
  ConversationView,
  InboxCounts,
  InboxItemDetail,
  InboxItemView,
  InboxLiveEvent,
  InboxPage,
  InboxSettings,
  ItemUpdate,
  ReplyInput,
  ReplyView,
  ResponseReport,
  RuleInput,
  RuleView,
  SavedReplyInput,
  SavedReplyView,
} from '../../shared/inbox.ts';
import { api, apiPath } from '../api/client.ts';

export const inboxKey = (workspaceId: string) => ['inbox', workspaceId] as const;

export type ListQuery = Record<string, string>;

export function useInboxItems(workspaceId: string, query: ListQuery) {
  return useInfiniteQuery({
    queryKey: [...inboxKey(workspaceId), 'items', query],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<InboxPage>(`${apiPath`/api/workspaces/${workspaceId}/inbox/items`}?${params}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useInboxCounts(workspaceId: string) {
  return useQuery({ queryKey: [...inboxKey(workspaceId), 'counts'], queryFn: () => api.get<InboxCounts>(apiPath`/api/workspaces/${workspaceId}/inbox/counts`), refetchInterval: 60_000 });
}

export function useInboxItem(workspaceId: string, itemId: number | null) {
  return useQuery({
    queryKey: [...inboxKey(workspaceId), 'item', itemId],
    queryFn: () => api.get<InboxItemDetail>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId!}`),
    enabled: itemId !== null,
  });
}

export function useConversation(workspaceId: string, conversationId: string | null) {
  return useQuery({
    queryKey: [...inboxKey(workspaceId), 'conversation', conversationId],
    queryFn: () => api.get<ConversationView>(apiPath`/api/workspaces/${workspaceId}/inbox/conversations/${conversationId!}`),
    enabled: conversationId !== null,
  });
}

export function useAuthorCard(workspaceId: string, authorId: string | null) {
  return useQuery({
    queryKey: [...inboxKey(workspaceId), 'author', authorId],
    queryFn: () => api.get<AuthorCard>(apiPath`/api/workspaces/${workspaceId}/inbox/authors/${authorId!}`),
    enabled: authorId !== null,
  });
}

function useInboxMutation<I, O>(workspaceId: string, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKey(workspaceId) }) });
}

export function useUpdateItem(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ itemId, change }: { itemId: number; change: ItemUpdate }) => api.patch<InboxItemView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}`, change));
}

export function useBulkUpdate(workspaceId: string) {
  return useInboxMutation(workspaceId, (input: BulkUpdate) => api.post<{ updated: number }>(apiPath`/api/workspaces/${workspaceId}/inbox/items/bulk`, input));
}

export function useAddNote(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ itemId, body, mentions }: { itemId: number; body: string; mentions: string[] }) => api.post(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/notes`, { body, mentions }));
}

export function useSendReply(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ itemId, input }: { itemId: number; input: ReplyInput }) => api.post<ReplyView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/replies`, input));
}

export function useReplyDecision(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ replyId, decision, comment }: { replyId: string; decision: 'approve' | 'reject' | 'retry'; comment?: string }) =>
    api.post<ReplyView>(`${apiPath`/api/workspaces/${workspaceId}/inbox/replies/${replyId}`}/${decision}`, decision === 'reject' ? { comment } : {}),
  );
}

export function useLike(workspaceId: string) {
  return useInboxMutation(workspaceId, (itemId: number) => api.post<InboxItemView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/like`));
}

export function useUndo(workspaceId: string) {
  return useInboxMutation(workspaceId, (eventId: number) => api.post(apiPath`/api/workspaces/${workspaceId}/inbox/events/${eventId}/undo`));
}

export function useAuthorTags(workspaceId: string) {
  return useInboxMutation(workspaceId, ({ authorId, tags }: { authorId: string; tags: string[] }) => api.patch(apiPath`/api/workspaces/${workspaceId}/inbox/authors/${authorId}`, { tags }));
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

/**
 * Listens to the workspace's live feed while mounted: every change refreshes
 * the inbox queries; `onCreated` hears of new items (the list shows a banner
 * rather than jumping). EventSource reconnects by itself, with Last-Event-ID.
 */
export function useInboxLive(workspaceId: string, onCreated: (event: InboxLiveEvent) => void): void {
  const queryClient = useQueryClient();
  const created = useRef(onCreated);
  useEffect(() => {
    created.current = onCreated;
  }, [onCreated]);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(apiPath`/api/workspaces/${workspaceId}/inbox/events`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    // New items do not reorder the list under the person's eyes: the list refreshes for changes only.
    let changed = false;
    source.addEventListener('inbox', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as InboxLiveEvent;
      if (event.action === 'created') created.current(event);
      else changed = true;
      // Many events come in bursts (a poll, a bulk change): one refresh for the burst.
      timer ??= setTimeout(() => {
        timer = null;
        const lists = changed;
        changed = false;
        void queryClient.invalidateQueries({ queryKey: inboxKey(workspaceId), predicate: (query) => lists || query.queryKey[2] !== 'items' });
      }, 250);
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [workspaceId, queryClient]);
}
