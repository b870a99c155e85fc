// Which messages this person has opened, remembered on this device: the list
// shows the others in bold, like any mailbox. Kept per workspace, newest
// thousands only (item ids grow, so the smallest go first).
import { useCallback, useState } from 'react';

const LIMIT = 5000;

const storageKey = (workspaceId: string) => `relais.inbox.seen.${workspaceId}`;

function load(workspaceId: string): Set<number> {
  try {
    const raw = localStorage.getItem(storageKey(workspaceId));
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : []);
  } catch {
    return new Set();
  }
}

export function useSeenItems(workspaceId: string): { seen: ReadonlySet<number>; markSeen: (itemId: number) => void } {
  const [state, setState] = useState(() => ({ workspaceId, seen: load(workspaceId) }));
  // Another workspace: its own memory (read during render, as React allows for derived state).
  const current = state.workspaceId === workspaceId ? state : { workspaceId, seen: load(workspaceId) };
  if (current !== state) setState(current);
  const markSeen = useCallback(
    (itemId: number) =>
      setState((previous) => {
        if (previous.seen.has(itemId)) return previous;
        const ids = [...previous.seen, itemId].sort((a, b) => b - a).slice(0, LIMIT);
        try {
          localStorage.setItem(storageKey(previous.workspaceId), JSON.stringify(ids));
        } catch {
          // Private browsing or a full storage: remembered for this visit only.
        }
        return { workspaceId: previous.workspaceId, seen: new Set(ids) };
      }),
    [],
  );
  return { seen: current.seen, markSeen };
}
