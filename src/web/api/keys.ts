// Query keys, in one place so mutations invalidate the right caches.
export const queryKeys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  publicInvitation: (invitationId: string) => ['public-invitation', invitationId] as const,
  workspace: (workspaceId: string) => ['workspaces', workspaceId] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  invitations: (workspaceId: string) => ['workspaces', workspaceId, 'invitations'] as const,
  apiKeys: (workspaceId: string) => ['workspaces', workspaceId, 'api-keys'] as const,
  audit: (workspaceId: string) => ['workspaces', workspaceId, 'audit'] as const,
  channels: (workspaceId: string) => ['workspaces', workspaceId, 'channels'] as const,
  networks: ['networks'] as const,
  deadJobs: ['admin', 'jobs'] as const,
};
