// Lets any part of the shell open the "New workspace" dialog.
import { createContext, useContext } from 'react';

export const CreateWorkspaceContext = createContext<() => void>(() => {});

export function useOpenCreateWorkspace(): () => void {
  return useContext(CreateWorkspaceContext);
}
