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
  /** One file is `[...media(id), mediaId]`; lists are `[...media(id), 'list', …]`. */
  media: (workspaceId: string) => ['workspaces', workspaceId, 'media'] as const,
  brandRules: (workspaceId: string) => ['workspaces', workspaceId, 'brand-rules'] as const,
  dictionaryWords: (workspaceId: string) => ['workspaces', workspaceId, 'dictionary-words'] as const,
  spellcheck: (workspaceId: string, language: string, text: string) => ['workspaces', workspaceId, 'spellcheck', language, text] as const,
  templates: (workspaceId: string) => ['workspaces', workspaceId, 'templates'] as const,
  hashtagGroups: (workspaceId: string) => ['workspaces', workspaceId, 'hashtag-groups'] as const,
  networks: ['networks'] as const,
  deadJobs: ['admin', 'jobs'] as const,
};
