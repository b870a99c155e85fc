// The workspace the current page belongs to.
import { createContext, useContext } from 'react';
import type { Workspace } from '../../shared/api-types.ts';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useCurrentWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useCurrentWorkspace must be used inside a workspace route.');
  return workspace;
}
