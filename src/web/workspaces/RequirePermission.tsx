// Shows the page only when the current role has the permission it needs.
import type { ReactNode } from 'react';
import { can, type Permission } from '../../shared/roles.ts';
import { useMe } from '../api/session.ts';
import { NoAccess } from '../app/NoAccess.tsx';
import { useCurrentWorkspace } from './context.ts';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const workspace = useCurrentWorkspace();
  return can(workspace.role, permission) ? children : <NoAccess />;
}

export function RequireInstanceAdmin({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  return me?.user.instanceRole === 'admin' ? children : <NoAccess />;
}
