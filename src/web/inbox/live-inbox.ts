// The inbox's live feed (server-sent events) while the page is open. Each
// burst of events (a poll, a bulk change) becomes one refresh of what it
// touched: the lists, the counts, the items' details, their conversations.
// New items are announced first, so that the page can keep them out of sight
// until the person asks for them: the list never moves under their eyes.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { InboxLiveEvent } from '../../shared/inbox.ts';
import { apiPath } from '../api/client.ts';
import { inboxKey } from './inbox-api.ts';

export type LiveState = 'connecting' | 'live' | 'offline';

/** Events of one burst are handled together after this quiet time. */
const BURST_MS = 250;
/** After the server closed the stream for good (signed out, restarted behind a proxy…), try again this late. */
const REOPEN_MS = 15_000;

export function useInboxLive(workspaceId: string, onCreated: (itemIds: number[]) => void): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>(() => (typeof EventSource === 'undefined' ? 'offline' : 'connecting'));
  const created = useRef(onCreated);
  useEffect(() => {
    created.current = onCreated;
  }, [onCreated]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastId: number | null = null;
    let burst: InboxLiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const key = inboxKey(workspaceId);

    const flush = () => {
      timer = null;
      const events = burst;
      burst = [];
      const newIds = events.filter((event) => event.action === 'created' && event.itemId !== null).map((event) => event.itemId!);
      if (newIds.length > 0) created.current(newIds);
      const touched = new Set(events.map((event) => event.itemId).filter((id): id is number => id !== null));
      void queryClient.invalidateQueries({ queryKey: [...key, 'items'] });
      void queryClient.invalidateQueries({ queryKey: [...key, 'counts'] });
      for (const itemId of touched) void queryClient.invalidateQueries({ queryKey: [...key, 'item', itemId] });
      // A new message may join a conversation someone has open; a reply or new tags change a person's card.
      if (events.some((event) => event.action === 'created' || event.action === 'reply_sent')) void queryClient.invalidateQueries({ queryKey: [...key, 'conversation'] });
      if (events.some((event) => event.action === 'created' || event.action === 'author_tags' || event.action === 'reply_sent')) void queryClient.invalidateQueries({ queryKey: [...key, 'author'] });
    };

    const open = () => {
      const path = apiPath`/api/workspaces/${workspaceId}/inbox/events`;
      // A new stream after a closed one resumes where the last one stopped.
      source = new EventSource(lastId === null ? path : `${path}?after=${lastId}`);
      source.onopen = () => setState('live');
      source.onerror = () => {
        if (!source || source.readyState === EventSource.CONNECTING) {
          setState('connecting');
          return;
        }
        setState('offline');
        source.close();
        if (!stopped) reopen = setTimeout(open, REOPEN_MS);
      };
      source.addEventListener('inbox', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as InboxLiveEvent;
        lastId = Math.max(lastId ?? 0, event.id);
        burst.push(event);
        timer ??= setTimeout(flush, BURST_MS);
      });
    };
    open();

    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (reopen) clearTimeout(reopen);
      source?.close();
    };
  }, [workspaceId, queryClient]);

  return state;
}
