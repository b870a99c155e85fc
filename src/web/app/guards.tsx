// Route guards: signed-in pages, and the home redirect to a workspace.
import type { ReactNode } from 'react';
import { Center } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { QueryError } from '../ui/states.tsx';
import { NoWorkspace } from '../workspaces/NoWorkspace.tsx';
import { readLastWorkspace } from '../workspaces/paths.ts';
import { FullPageLoader } from './FullPageLoader.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError)
    return (
      <Center mih="100dvh" p="md">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  if (!me.data) {
    const here = location.pathname + location.search;
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return children;
}

/** `/`: the last used workspace, else the first, else an empty state. */
export function HomeRedirect() {
  const { data: me } = useMe();
  if (!me) return null;
  if (me.workspaces.length === 0) return <NoWorkspace />;
  const last = readLastWorkspace();
  const target = me.workspaces.find((w) => w.id === last) ?? me.workspaces[0];
  return <Navigate to={`/w/${encodeURIComponent(target.id)}`} replace />;
}

/** Only same-site paths are followed after logging in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
