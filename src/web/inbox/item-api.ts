// The inbox page's API calls. Every query of a workspace's inbox lives under
// inboxKey(workspaceId), one sub-key per kind ('items', 'counts', 'item',
// 'conversation', 'author'), so a change refreshes exactly what it touched.
// A change to an item shows at once (the lists and the open item are patched
// before the server answers), then the server's answer replaces the guess.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { AuthorCard, BulkUpdate, ConversationView, InboxCounts, InboxItemDetail, InboxItemView, InboxPage, ItemUpdate, NoteView, ReplyInput, ReplyView, TeammateView } from '../../shared/inbox.ts';
import { api, apiPath } from '../api/client.ts';
import { inboxKey } from './inbox-api.ts';
import { applyChange } from './view-rules.ts';

const itemsKey = (workspaceId: string) => [...inboxKey(workspaceId), 'items'] as const;
const itemKey = (workspaceId: string, itemId: number) => [...inboxKey(workspaceId), 'item', itemId] as const;
const countsKey = (workspaceId: string) => [...inboxKey(workspaceId), 'counts'] as const;
const conversationKey = (workspaceId: string, conversationId: string) => [...inboxKey(workspaceId), 'conversation', conversationId] as const;
const authorKey = (workspaceId: string, authorId: string) => [...inboxKey(workspaceId), 'author', authorId] as const;

/** One page of the list after another (keyset cursor); `apiQuery` is the list's query string. */
export function useInboxItems(workspaceId: string, apiQuery: string) {
  return useInfiniteQuery({
    queryKey: [...itemsKey(workspaceId), apiQuery],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(apiQuery);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<InboxPage>(`${apiPath`/api/workspaces/${workspaceId}/inbox/items`}?${params}`);
    },
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** Whom a message can be assigned to, and a note can mention. */
export function useTeammates(workspaceId: string) {
  return useQuery({
    queryKey: [...inboxKey(workspaceId), 'teammates'],
    queryFn: async () => (await api.get<{ teammates: TeammateView[] }>(apiPath`/api/workspaces/${workspaceId}/inbox/teammates`)).teammates,
    staleTime: 5 * 60_000,
  });
}

export function useInboxCounts(workspaceId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: countsKey(workspaceId),
    queryFn: () => api.get<InboxCounts>(apiPath`/api/workspaces/${workspaceId}/inbox/counts`),
    refetchInterval: 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useInboxItem(workspaceId: string, itemId: number | null) {
  return useQuery({
    queryKey: itemKey(workspaceId, itemId ?? 0),
    queryFn: () => api.get<InboxItemDetail>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId!}`),
    enabled: itemId !== null,
    // A reply on its way is followed until it is out, even without the live feed.
    refetchInterval: (query) => (query.state.data?.replies.some((reply) => reply.state === 'queued' || reply.state === 'sending') ? 3_000 : false),
  });
}

export function useConversation(workspaceId: string, conversationId: string | null) {
  return useQuery({
    queryKey: conversationKey(workspaceId, conversationId ?? ''),
    queryFn: () => api.get<ConversationView>(apiPath`/api/workspaces/${workspaceId}/inbox/conversations/${conversationId!}`),
    enabled: conversationId !== null,
    staleTime: 30_000,
  });
}

/** Reads the thread from the network again (a reply just went out, or the person asked). */
export function useRefreshConversation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => api.get<ConversationView>(`${apiPath`/api/workspaces/${workspaceId}/inbox/conversations/${conversationId}`}?refresh=1`),
    onSuccess: (conversation) => queryClient.setQueryData(conversationKey(workspaceId, conversation.id), conversation),
  });
}

export function useAuthorCard(workspaceId: string, authorId: string | null) {
  return useQuery({
    queryKey: authorKey(workspaceId, authorId ?? ''),
    queryFn: () => api.get<AuthorCard>(apiPath`/api/workspaces/${workspaceId}/inbox/authors/${authorId!}`),
    enabled: authorId !== null,
  });
}

export interface PollState {
  channelId: string;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  lastError: { kind: string; message: string } | null;
}

export function usePollStates(workspaceId: string) {
  return useQuery({
    queryKey: [...inboxKey(workspaceId), 'poll-state'],
    queryFn: async () => (await api.get<{ channels: PollState[] }>(apiPath`/api/workspaces/${workspaceId}/inbox/channels`)).channels,
    refetchInterval: 60_000,
  });
}

/** Asks every channel to look for new messages now. */
export function usePollNow(workspaceId: string) {
  return useMutation({
    mutationFn: (channelIds: string[]) => Promise.all(channelIds.map((channelId) => api.post(apiPath`/api/workspaces/${workspaceId}/inbox/channels/${channelId}/poll`))),
  });
}

/** Puts a new version of some items into every list and into their open detail. */
export function patchItems(queryClient: QueryClient, workspaceId: string, update: (item: InboxItemView) => InboxItemView | null): void {
  queryClient.setQueriesData<InfiniteData<InboxPage>>({ queryKey: itemsKey(workspaceId) }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => update(item) ?? item) })) } : data,
  );
  queryClient.setQueriesData<InboxItemDetail>({ queryKey: [...inboxKey(workspaceId), 'item'] }, (detail) => {
    if (!detail) return detail;
    const next = update(detail.item);
    return next ? { ...detail, item: next } : detail;
  });
}

/** What a change to items makes stale: the lists, the counts, and these items' details. */
export function refreshAfterChange(queryClient: QueryClient, workspaceId: string, itemIds: number[] | 'all'): Promise<void> {
  const details =
    itemIds === 'all'
      ? queryClient.invalidateQueries({ queryKey: [...inboxKey(workspaceId), 'item'] })
      : Promise.all(itemIds.map((id) => queryClient.invalidateQueries({ queryKey: itemKey(workspaceId, id) })));
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: itemsKey(workspaceId) }),
    queryClient.invalidateQueries({ queryKey: countsKey(workspaceId) }),
    details,
  ]).then(() => undefined);
}

export function useUpdateItem(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, change }: { itemId: number; change: ItemUpdate }) => api.patch<InboxItemView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}`, change),
    onMutate: ({ itemId, change }) => patchItems(queryClient, workspaceId, (item) => (item.id === itemId ? applyChange(item, change) : null)),
    onSuccess: (fresh) => patchItems(queryClient, workspaceId, (item) => (item.id === fresh.id ? fresh : null)),
    onSettled: (_data, _error, { itemId }) => refreshAfterChange(queryClient, workspaceId, [itemId]),
  });
}

export function useBulkUpdate(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkUpdate) => api.post<{ updated: number }>(apiPath`/api/workspaces/${workspaceId}/inbox/items/bulk`, input),
    onMutate: ({ itemIds, update }) => patchItems(queryClient, workspaceId, (item) => (itemIds.includes(item.id) ? applyChange(item, update) : null)),
    onSettled: (_data, _error, { itemIds }) => refreshAfterChange(queryClient, workspaceId, itemIds),
  });
}

export function useAddNote(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body, mentions }: { itemId: number; body: string; mentions: string[] }) => api.post<NoteView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/notes`, { body, mentions }),
    onSuccess: (note, { itemId }) => {
      queryClient.setQueryData<InboxItemDetail>(itemKey(workspaceId, itemId), (detail) => (detail ? { ...detail, notes: [...detail.notes, note] } : detail));
      patchItems(queryClient, workspaceId, (item) => (item.id === itemId ? { ...item, noteCount: item.noteCount + 1 } : null));
    },
    onSettled: (_data, _error, { itemId }) => queryClient.invalidateQueries({ queryKey: itemKey(workspaceId, itemId) }),
  });
}

export function useDeleteNote(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, noteId }: { itemId: number; noteId: string }) => api.delete(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/notes/${noteId}`),
    onSettled: (_data, _error, { itemId }) => refreshAfterChange(queryClient, workspaceId, [itemId]),
  });
}

export function useSendReply(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, input }: { itemId: number; input: ReplyInput }) => api.post<ReplyView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/replies`, input),
    onSuccess: (reply, { itemId }) =>
      queryClient.setQueryData<InboxItemDetail>(itemKey(workspaceId, itemId), (detail) =>
        detail && !detail.replies.some((r) => r.id === reply.id) ? { ...detail, replies: [...detail.replies, reply] } : detail,
      ),
    onSettled: (_data, _error, { itemId }) => refreshAfterChange(queryClient, workspaceId, [itemId]),
  });
}

export function useReplyDecision(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reply, decision, comment }: { reply: ReplyView; decision: 'approve' | 'reject' | 'retry'; comment?: string }) =>
      api.post<ReplyView>(`${apiPath`/api/workspaces/${workspaceId}/inbox/replies/${reply.id}`}/${decision}`, decision === 'reject' ? { comment } : {}),
    onSettled: (_data, _error, { reply }) => refreshAfterChange(queryClient, workspaceId, [reply.itemId]),
  });
}

export function useLike(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: number) => api.post<InboxItemView>(apiPath`/api/workspaces/${workspaceId}/inbox/items/${itemId}/like`),
    onMutate: (itemId) => patchItems(queryClient, workspaceId, (item) => (item.id === itemId ? { ...item, liked: true } : null)),
    onSettled: (_data, _error, itemId) => refreshAfterChange(queryClient, workspaceId, [itemId]),
  });
}

export function useUndo(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId }: { eventId: number; itemId: number }) => api.post(apiPath`/api/workspaces/${workspaceId}/inbox/events/${eventId}/undo`),
    onSettled: (_data, _error, { itemId }) => refreshAfterChange(queryClient, workspaceId, [itemId]),
  });
}

export function useAuthorTags(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ authorId, tags }: { authorId: string; tags: string[] }) => api.patch<{ tags: string[] }>(apiPath`/api/workspaces/${workspaceId}/inbox/authors/${authorId}`, { tags }),
    onMutate: ({ authorId, tags }) => queryClient.setQueryData<AuthorCard>(authorKey(workspaceId, authorId), (card) => (card ? { ...card, tags } : card)),
    onSettled: (_data, _error, { authorId }) => queryClient.invalidateQueries({ queryKey: authorKey(workspaceId, authorId) }),
  });
}

/** Every tag the loaded lists and items carry: what the tag fields suggest (the API has no list of a workspace's tags). */
export function knownTags(queryClient: QueryClient, workspaceId: string): string[] {
  const tags = new Set<string>();
  for (const [, data] of queryClient.getQueriesData<InfiniteData<InboxPage>>({ queryKey: itemsKey(workspaceId) })) {
    for (const page of data?.pages ?? []) for (const item of page.items) for (const tag of item.tags) tags.add(tag);
  }
  for (const [, detail] of queryClient.getQueriesData<InboxItemDetail>({ queryKey: [...inboxKey(workspaceId), 'item'] })) {
    for (const tag of detail?.item.tags ?? []) tags.add(tag);
  }
  return [...tags].sort((a, b) => a.localeCompare(b));
}
