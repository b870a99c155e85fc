// Shapes of the JSON the HTTP API sends and receives. The web app codes
// against these; the server's route schemas must produce the same shapes.
import type { Locale } from './locales.ts';
import type { WorkspaceRole } from './roles.ts';

/** Body of every non-2xx answer; `message` is already in the caller's language. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

export interface SetupStatus {
  needsSetup: boolean;
}

export interface SetupRequest {
  name: string;
  email: string;
  password: string;
  locale: Locale;
}

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  locale: Locale | null;
  timeZone: string | null;
  instanceRole: 'admin' | null;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  /** The current person's role in this workspace. */
  role: WorkspaceRole;
  language: Locale;
  timeZone: string;
}

export interface MeResponse {
  user: CurrentUser;
  workspaces: Workspace[];
}

export interface UpdateMeRequest {
  name?: string;
  locale?: Locale;
  timeZone?: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface CreateWorkspaceRequest {
  name: string;
  language: Locale;
  timeZone: string;
}

export type UpdateWorkspaceRequest = Partial<CreateWorkspaceRequest>;

export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  createdAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'canceled' | 'expired';

export interface Invitation {
  id: string;
  email: string;
  role: WorkspaceRole;
  status: InvitationStatus;
  expiresAt: string;
  inviterName: string | null;
  link: string;
}

export interface CreatedInvitation extends Invitation {
  emailSent: boolean;
}

export interface InviteRequest {
  email: string;
  role: WorkspaceRole;
}

/** What anyone holding the link may see of an invitation. */
export interface PublicInvitation {
  id: string;
  email: string;
  role: WorkspaceRole;
  status: InvitationStatus;
  expiresAt: string;
  workspaceName: string;
  inviterName: string | null;
  accountExists: boolean;
}

export interface AcceptInvitationRequest {
  name?: string;
  password?: string;
  /** Interface language of a new account. */
  locale?: Locale;
}

export interface AcceptInvitationResponse {
  workspaceId: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: WorkspaceRole;
  createdAt: string;
  lastUsedAt: string | null;
  createdByName: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  role: WorkspaceRole;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** Shown once; only a hash is stored. */
  secret: string;
}

export interface AuditEventView {
  id: number;
  action: string;
  actorLabel: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  createdAt: string;
}

export interface AuditEventsPage {
  events: AuditEventView[];
  nextBefore: number | null;
}

export interface DeadJob {
  id: string | number;
  name: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: string;
  updatedAt: string;
}

/** A channel's health: `disabled` once disconnected (tokens erased, history kept). */
export type ChannelStatus = 'connected' | 'reconnect_needed' | 'rate_limited' | 'disabled';

/** A social account of a workspace. */
export interface Channel {
  id: string;
  /** The network's key, as in `NetworkInfo.network` ('bluesky', 'mastodon'). */
  network: string;
  serverUrl: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  profileUrl: string | null;
  status: ChannelStatus;
  /** Why the channel needs attention, in the network's words. */
  statusReason: string | null;
  rateLimitedUntil: string | null;
  createdAt: string;
}

/** How a network's accounts are connected. */
export type NetworkAuth = 'appPassword' | 'oauth2Pkce' | 'token';

/** A network this Relais can connect, with what it can do and its limits. */
export interface NetworkInfo {
  network: string;
  displayName: string;
  auth: NetworkAuth;
  capabilities: string[];
  limits: Record<string, unknown>;
}

/** Connects (or reconnects) an account with a secret typed into Relais. */
export interface ConnectChannelRequest {
  network: string;
  /** Bluesky: `{ serverUrl, identifier, appPassword }`. */
  credentials: Record<string, string>;
}

/** Starts an OAuth authorization; the browser then goes to `authorizeUrl`. */
export interface StartChannelOAuthRequest {
  network: string;
  serverUrl: string;
}

export interface StartChannelOAuthResponse {
  authorizeUrl: string;
}

export type MediaKind = 'image' | 'video';

/** A file of the workspace's media library. `fileUrl` and `thumbnailUrl` need the caller's session or API key. */
export interface MediaView {
  id: string;
  kind: MediaKind;
  mimeType: string;
  fileName: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  /** Videos only, when their container says. */
  durationMs: number | null;
  altText: string;
  tags: string[];
  /** A 320 px WebP; null for videos. */
  thumbnailUrl: string | null;
  fileUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface MediaPage {
  media: MediaView[];
  total: number;
  /** Offset of the next page, null on the last. */
  nextOffset: number | null;
}

export interface UpdateMediaRequest {
  altText?: string;
  tags?: string[];
}
