// Addresses of the workspace settings pages and who may open each.
import type { Permission } from '../../shared/roles.ts';

export const settingsPages = ['profile', 'workspace', 'channels', 'brand-voice', 'templates', 'members', 'invitations', 'api-keys', 'audit'] as const;
export type SettingsPage = (typeof settingsPages)[number];

/** The permission a page needs; null when every member may open it. */
export const pagePermission: Record<SettingsPage, Permission | null> = {
  profile: null,
  workspace: null,
  /** Everyone sees the channels; managing them needs 'channels:manage'. */
  channels: null,
  /** Everyone reads the rules (the composer applies them); setting them needs 'brand:manage'. */
  'brand-voice': null,
  /** Everyone sees templates and hashtag groups; writers manage them. */
  templates: null,
  members: 'members:manage',
  invitations: 'members:manage',
  'api-keys': 'apiKeys:manage',
  audit: 'audit:read',
};

export function settingsPath(workspaceId: string, page: SettingsPage): string {
  return `/w/${encodeURIComponent(workspaceId)}/settings/${page}`;
}

export function isSettingsPage(value: string | undefined): value is SettingsPage {
  return (settingsPages as readonly string[]).includes(value ?? '');
}

const lastWorkspaceKey = 'relais.last-workspace';

export function readLastWorkspace(): string | null {
  try {
    return localStorage.getItem(lastWorkspaceKey);
  } catch {
    return null;
  }
}

export function rememberWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(lastWorkspaceKey, workspaceId);
  } catch {
    // Private browsing: nothing to remember.
  }
}
