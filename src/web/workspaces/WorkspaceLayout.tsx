// Route wrapper for /w/:workspaceId: finds the workspace among mine, remembers
// it as the last used one, and hands it to the pages below.
import { useEffect } from 'react';
import { Outlet, useParams } from 'react-router';
import { useMe } from '../api/session.ts';
import { NoAccess } from '../app/NoAccess.tsx';
import { PausedBanner } from '../publishing/settings/PausedBanner.tsx';
import { WorkspaceContext } from './context.ts';
import { rememberWorkspace } from './paths.ts';

export function WorkspaceLayout() {
  const { workspaceId } = useParams();
  const { data: me } = useMe();
  const workspace = me?.workspaces.find((w) => w.id === workspaceId) ?? null;
  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.id);
  }, [workspace]);
  if (!workspace) return <NoAccess />;
  return (
    <WorkspaceContext.Provider value={workspace}>
      <PausedBanner />
      <Outlet />
    </WorkspaceContext.Provider>
  );
}
