// Workspace roles and what each may do. The server enforces these on every
// route; the web app reads the same table to show only what a person can use.
export const workspaceRoles = ['owner', 'admin', 'editor', 'contributor', 'analyst'] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export const permissions = {
  /** See the workspace and its content. */
  'workspace:read': ['owner', 'admin', 'editor', 'contributor', 'analyst'],
  /** Rename the workspace, change its language and time zone. */
  'workspace:update': ['owner', 'admin'],
  'workspace:delete': ['owner'],
  /** See and manage members and invitations. */
  'members:manage': ['owner', 'admin'],
  'apiKeys:manage': ['owner', 'admin'],
  /** Connect, reconnect and disconnect social accounts. */
  'channels:manage': ['owner', 'admin'],
  'audit:read': ['owner', 'admin'],
  /** Publish without approval. */
  'content:publish': ['owner', 'admin', 'editor'],
  /** Write content (a contributor's needs approval). */
  'content:write': ['owner', 'admin', 'editor', 'contributor'],
  /** Set the brand-voice rules: words to avoid, words every post must carry. */
  'brand:manage': ['owner', 'admin'],
  /** See the inbox, its conversations, authors and response-time report. */
  'inbox:read': ['owner', 'admin', 'editor', 'contributor', 'analyst'],
  /** Work the inbox: status, assignment, tags, notes, snooze, likes, replies (a contributor's may need approval). */
  'inbox:work': ['owner', 'admin', 'editor', 'contributor'],
  /** Reply without approval, approve contributors' replies, keep the saved replies. */
  'inbox:reply': ['owner', 'admin', 'editor'],
  /** Inbox rules, business hours and response targets, reply approval. */
  'inbox:manage': ['owner', 'admin'],
} as const satisfies Record<string, readonly WorkspaceRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: WorkspaceRole | null | undefined, permission: Permission): boolean {
  return role != null && (permissions[permission] as readonly string[]).includes(role);
}

/** Roles a member may hand out: never one above their own. */
export function assignableRoles(role: WorkspaceRole): WorkspaceRole[] {
  const rank = workspaceRoles.indexOf(role);
  return workspaceRoles.filter((r, index) => index >= rank && (r !== 'owner' || role === 'owner'));
}

export function isWorkspaceRole(value: unknown): value is WorkspaceRole {
  return typeof value === 'string' && (workspaceRoles as readonly string[]).includes(value);
}
