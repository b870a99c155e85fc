// Connecting a Mastodon account: OAuth 2 authorization code with PKCE
// (docs.joinmastodon.org: methods/apps, methods/oauth, spec/oauth).
//
//   start     checkInstance → the instance's app (registered once per instance
//             and redirect URI: POST /api/v1/apps; the caller stores it) →
//             state + PKCE verifier (the caller keeps both until the callback)
//             → the URL of the instance's authorization page.
//   callback  parseCallback (state checked, refusal → 'denied') → exchangeCode
//             (POST /oauth/token with the verifier) → a connector → profile().
//
// Every request goes through the shared HttpClient, so a server address that
// points inside Relais' own network fails with the guard's BlockedUrlError,
// rethrown as it is. Codes, verifiers, secrets and tokens are never logged
// (the client logs method, host and path only).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountProfile } from '../contract.ts';
import { ConnectorError } from '../contract.ts';
import type { HttpClient, HttpResponse } from '../../net/http-client.ts';
import { HttpRequestError } from '../../net/http-client.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { MastodonApi } from './api.ts';
import type { MastoApplication, MastoInstanceV1, MastoInstanceV2, MastoToken } from './api-types.ts';
import { createMastodonConnector, type MastodonConnector, type MastodonConnectorOptions } from './connector.ts';
import { normaliseServerUrl, type MastodonApp, type MastodonCredentials } from './credentials.ts';
import { instanceMessage } from './errors.ts';
import { mastodonScopes } from './manifest.ts';

export type MastodonOAuthErrorKind =
  /** The server answers, but not as a Mastodon-compatible one. */
  | 'not_mastodon'
  /** No answer (DNS, connection, timeout) or the server is failing (5xx). */
  | 'unreachable'
  /** The person refused the authorization (or the instance refused the request). */
  | 'denied'
  /** The callback's state is not the one sent (stale tab, forged request). */
  | 'state_mismatch'
  /** The instance refused a step: app registration, or the code exchange (bad or reused code, wrong verifier). */
  | 'rejected';

export class MastodonOAuthError extends Error {
  readonly kind: MastodonOAuthErrorKind;
  /** What the instance said, when it said something (for the person). */
  readonly networkMessage: string | null;
  constructor(kind: MastodonOAuthErrorKind, message: string, options: { networkMessage?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MastodonOAuthError';
    this.kind = kind;
    this.networkMessage = options.networkMessage ?? null;
  }
}

export interface InstanceInfo {
  serverUrl: string;
  /** The instance's domain (it may differ from the address it is reached at). */
  domain: string;
  title: string | null;
  version: string;
  /** Mastodon's API version (`api_versions.mastodon`, 4.3+), null when not given. */
  apiVersion: number | null;
  /** Which document answered: v2 (Mastodon 4+) or v1. */
  source: 'v2' | 'v1';
}

function anonymousApi(http: HttpClient, serverUrl: string): MastodonApi {
  return new MastodonApi({ http, serverUrl });
}

/** Sorts what the HttpClient threw: the guard's refusal stays itself, anything else means unreachable. */
function unreachable(error: unknown, serverUrl: string): unknown {
  if (error instanceof BlockedUrlError || error instanceof MastodonOAuthError) return error;
  if (error instanceof ConnectorError && error.kind !== 'transient' && error.kind !== 'unknown_outcome') return error;
  if (error instanceof ConnectorError || error instanceof HttpRequestError) {
    return new MastodonOAuthError('unreachable', `${new URL(serverUrl).host} could not be reached`, { cause: error });
  }
  return error;
}

function parseJson<T>(response: HttpResponse): T | undefined {
  try {
    return response.json<T>();
  } catch {
    return undefined;
  }
}

/**
 * Checks that the server speaks Mastodon's client API: GET /api/v2/instance
 * (Mastodon 4+), else /api/v1/instance (older Mastodon, Pleroma, Akkoma,
 * snac2…). A JSON document with a version and a domain (or uri) is required;
 * a web page, a 404 on both or any other JSON is 'not_mastodon'.
 */
export async function checkInstance(http: HttpClient, serverAddress: string): Promise<InstanceInfo> {
  let serverUrl: string;
  try {
    serverUrl = normaliseServerUrl(serverAddress);
  } catch (error) {
    throw new MastodonOAuthError('not_mastodon', 'not a server address', { cause: error });
  }
  const api = anonymousApi(http, serverUrl);
  const get = async (path: string) => {
    try {
      return await api.request({ method: 'GET', path, what: 'checking the server', kind: 'read', anonymous: true, allow: [...range(400, 499)], timeoutMs: 15_000 });
    } catch (error) {
      throw unreachable(error, serverUrl);
    }
  };
  const v2 = await get('/api/v2/instance');
  if (v2.ok) {
    const body = parseJson<MastoInstanceV2>(v2);
    if (body && typeof body === 'object' && typeof body.version === 'string' && typeof body.domain === 'string') {
      const apiVersion = body.api_versions?.mastodon;
      return { serverUrl, domain: body.domain, title: body.title ?? null, version: body.version, apiVersion: typeof apiVersion === 'number' ? apiVersion : null, source: 'v2' };
    }
  }
  const v1 = await get('/api/v1/instance');
  if (v1.ok) {
    const body = parseJson<MastoInstanceV1>(v1);
    if (body && typeof body === 'object' && typeof body.version === 'string' && typeof body.uri === 'string') {
      return { serverUrl, domain: hostOf(body.uri) ?? new URL(serverUrl).host, title: body.title ?? null, version: body.version, apiVersion: null, source: 'v1' };
    }
  }
  throw new MastodonOAuthError('not_mastodon', `${new URL(serverUrl).host} does not answer as a Mastodon-compatible server`);
}

function hostOf(uri: string): string | null {
  try {
    return new URL(/^[a-z]+:\/\//i.test(uri) ? uri : `https://${uri}`).host;
  } catch {
    return null;
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let n = from; n <= to; n += 1) yield n;
}

/** Registers Relais with the instance (POST /api/v1/apps). Done once per instance and redirect URI: the caller stores the result. */
export async function registerApp(http: HttpClient, input: { serverUrl: string; redirectUri: string; website?: string; clientName?: string }): Promise<MastodonApp> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  const body: Record<string, unknown> = { client_name: input.clientName ?? 'Relais', redirect_uris: input.redirectUri, scopes: mastodonScopes };
  if (input.website) body.website = input.website;
  let application: MastoApplication | undefined;
  try {
    application = await anonymousApi(http, serverUrl).json<MastoApplication>({ method: 'POST', path: '/api/v1/apps', body, what: 'registering Relais with the instance', kind: 'safe-write', anonymous: true });
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'rejected') {
      throw new MastodonOAuthError('rejected', `${new URL(serverUrl).host} refused to register Relais`, { networkMessage: error.networkMessage, cause: error });
    }
    throw unreachable(error, serverUrl);
  }
  if (!application || typeof application.client_id !== 'string' || typeof application.client_secret !== 'string') {
    throw new MastodonOAuthError('not_mastodon', `${new URL(serverUrl).host} answered the app registration without client credentials`);
  }
  return { serverUrl, clientId: application.client_id, clientSecret: application.client_secret, redirectUri: input.redirectUri };
}

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** RFC 7636: a 43-character verifier from 32 random bytes, and its SHA-256 challenge, both base64url. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** An unguessable state for one authorization (it also keys the caller's pending-authorization row). */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}

export function authorizeUrl(input: { app: MastodonApp; state: string; codeChallenge: string; scope?: string; forceLogin?: boolean; lang?: string }): string {
  const url = new URL('/oauth/authorize', input.app.serverUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.app.clientId);
  url.searchParams.set('redirect_uri', input.app.redirectUri);
  url.searchParams.set('scope', input.scope ?? mastodonScopes);
  url.searchParams.set('state', input.state);
  url.searchParams.set('code_challenge', input.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (input.forceLogin) url.searchParams.set('force_login', 'true');
  if (input.lang) url.searchParams.set('lang', input.lang);
  return url.toString();
}

export interface StartInput {
  /** What the person typed: `mastodon.social`, `https://mastodon.social/`… */
  server: string;
  /** Relais' callback URL (the same for every instance). */
  redirectUri: string;
  /** Relais' public address, shown by the instance on its authorization page. */
  website?: string;
  /** The stored app for this instance and redirect URI, if any. */
  findApp: (serverUrl: string, redirectUri: string) => Promise<MastodonApp | null>;
  /** Stores a newly registered app (client secret included: seal it). */
  saveApp: (app: MastodonApp) => Promise<void>;
  /** Asks the instance to show its login form even when a session exists (to connect a second account). */
  forceLogin?: boolean;
  lang?: string;
}

export interface StartResult {
  /** Where to send the person's browser. */
  authorizeUrl: string;
  serverUrl: string;
  instance: InstanceInfo;
  app: MastodonApp;
  /** Keep both until the callback (the verifier sealed); the state comes back in the callback. */
  state: string;
  codeVerifier: string;
}

/** The "connect a Mastodon account" button: checks the server, registers Relais if needed, and makes the authorization URL. */
export async function startAuthorization(http: HttpClient, input: StartInput): Promise<StartResult> {
  const instance = await checkInstance(http, input.server);
  let app = await input.findApp(instance.serverUrl, input.redirectUri);
  if (!app) {
    app = await registerApp(http, { serverUrl: instance.serverUrl, redirectUri: input.redirectUri, website: input.website });
    await input.saveApp(app);
  }
  const pkce = createPkce();
  const state = createState();
  return {
    authorizeUrl: authorizeUrl({ app, state, codeChallenge: pkce.challenge, forceLogin: input.forceLogin, lang: input.lang }),
    serverUrl: instance.serverUrl,
    instance,
    app,
    state,
    codeVerifier: pkce.verifier,
  };
}

/**
 * Reads the callback's query (RFC 6749 §4.1.2): `code` and `state` when the
 * person approved, `error` (`access_denied`…) and `error_description` when
 * not. Checks the state against the one stored (constant time).
 */
export function parseCallback(query: Record<string, unknown>, expectedState: string): { code: string } {
  const state = typeof query.state === 'string' ? query.state : '';
  if (!safeEqual(state, expectedState)) throw new MastodonOAuthError('state_mismatch', 'the authorization does not match the one Relais started');
  if (typeof query.error === 'string') {
    const description = typeof query.error_description === 'string' ? query.error_description : null;
    throw new MastodonOAuthError('denied', query.error === 'access_denied' ? 'the authorization was refused' : `the instance refused the authorization (${query.error})`, {
      networkMessage: description ?? query.error,
    });
  }
  if (typeof query.code !== 'string' || query.code === '') throw new MastodonOAuthError('denied', 'the instance sent back no authorization code');
  return { code: query.code };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

function credentialsFrom(serverUrl: string, token: MastoToken, now: number, previous?: MastodonCredentials): MastodonCredentials {
  return {
    serverUrl,
    accessToken: token.access_token,
    tokenType: token.token_type || 'Bearer',
    scope: token.scope ?? '',
    createdAt: Number.isInteger(token.created_at) ? token.created_at : Math.floor(now / 1000),
    accountId: previous?.accountId,
    // An answer without a refresh token keeps the one we had (never overwrite it with nothing).
    refreshToken: token.refresh_token || previous?.refreshToken,
    expiresAt: typeof token.expires_in === 'number' && token.expires_in > 0 ? Math.floor(now / 1000) + token.expires_in : undefined,
  };
}

async function tokenRequest(http: HttpClient, app: MastodonApp, form: Record<string, string>, what: string): Promise<MastoToken> {
  const body = new URLSearchParams({ ...form, client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: app.redirectUri });
  let response: HttpResponse;
  try {
    // Not repeated on a lost answer: an authorization code is single-use.
    response = await anonymousApi(http, app.serverUrl).request({ method: 'POST', path: '/oauth/token', body, what, kind: 'unsafe-write', anonymous: true, allow: [400, 401, 403] });
  } catch (error) {
    throw unreachable(error, app.serverUrl);
  }
  if (!response.ok) {
    throw new MastodonOAuthError('rejected', `${what}: the instance refused (${response.status})`, { networkMessage: instanceMessage(response) });
  }
  const token = parseJson<MastoToken>(response);
  if (!token || typeof token.access_token !== 'string' || token.access_token === '') throw new MastodonOAuthError('not_mastodon', `${what}: the instance’s answer has no access token`);
  return token;
}

/** POST /oauth/token with the code and the PKCE verifier. */
export async function exchangeCode(http: HttpClient, input: { app: MastodonApp; code: string; codeVerifier: string; now?: number }): Promise<MastodonCredentials> {
  const token = await tokenRequest(http, input.app, { grant_type: 'authorization_code', code: input.code, code_verifier: input.codeVerifier }, 'exchanging the authorization code');
  return credentialsFrom(input.app.serverUrl, token, input.now ?? Date.now());
}

/** For servers that issue refresh tokens (not Mastodon itself): a new access token, the refresh token kept if none comes back. */
export async function refreshAccessToken(http: HttpClient, input: { app: MastodonApp; credentials: MastodonCredentials; now?: number }): Promise<MastodonCredentials> {
  if (!input.credentials.refreshToken) throw new MastodonOAuthError('rejected', 'this account’s token cannot be refreshed: reconnect it');
  const token = await tokenRequest(http, input.app, { grant_type: 'refresh_token', refresh_token: input.credentials.refreshToken }, 'refreshing the access token');
  return credentialsFrom(input.app.serverUrl, token, input.now ?? Date.now(), input.credentials);
}

export interface CompleteInput {
  app: MastodonApp;
  /** The callback's query string parameters. */
  query: Record<string, unknown>;
  /** What `startAuthorization` returned, kept by the caller. */
  expectedState: string;
  codeVerifier: string;
  /** Extra connector options (journal, media timeouts). */
  connector?: Omit<MastodonConnectorOptions, 'credentials' | 'http'>;
}

export interface CompleteResult {
  /** To store (sealed); the account id is filled in. */
  credentials: MastodonCredentials;
  profile: AccountProfile;
  connector: MastodonConnector;
}

/** The callback: checks state, exchanges the code (PKCE), then asks the instance who the account is. */
export async function completeAuthorization(http: HttpClient, input: CompleteInput): Promise<CompleteResult> {
  const { code } = parseCallback(input.query, input.expectedState);
  let credentials = await exchangeCode(http, { app: input.app, code, codeVerifier: input.codeVerifier });
  const connector = createMastodonConnector({
    ...input.connector,
    credentials,
    http,
    onCredentialsChanged: async (next) => {
      credentials = next;
      await input.connector?.onCredentialsChanged?.(next);
    },
  });
  const profile = await connector.profile();
  return { credentials, profile, connector };
}
