// XRPC calls on behalf of one account, through Relais' one HTTP client, with
// the session kept alive:
// - signs in (com.atproto.server.createSession, app password) when no session
//   is stored, refreshes (refreshSession) shortly before the access token
//   expires and whenever a call answers ExpiredToken (then tries that call once
//   more); if the refresh token itself is refused, signs in again with the app
//   password; every new session is handed to `onCredentialsChanged` (a stored
//   refresh token is never replaced with an empty one);
// - spends the rate-limit budgets: every request `channel:<did>` and
//   `app:bluesky:<host>` (3,000 requests / 5 min per IP); record writes also the
//   account's write points (`channel:<did>:writes:hour|day`, create = 3);
//   sign-ins their own budget (`session:bluesky:<host>:<identifier>`);
// - turns every failure into a ConnectorError (errors.ts).
// Tokens only ever travel in the Authorization header; no message carries one.
import type { HttpClient, HttpResponse } from '../../net/http-client.ts';
import type { RateLimiter } from '../../net/rate-limiter.ts';
import { ConnectorError } from '../contract.ts';
import type { BlueskyCredentials } from './credentials.ts';
import { errorFromFailure, errorFromResponse, isExpiredToken, readXrpcError, type XrpcOperation } from './errors.ts';
import { blueskyManifest, DAY, HOUR } from './manifest.ts';

export interface BlueskyDeps {
  http: HttpClient;
  rateLimiter: RateLimiter;
  /** Persists the credentials after the connector signed in or refreshed its session. */
  onCredentialsChanged(next: BlueskyCredentials): Promise<void>;
}

export type Params = Record<string, string | number | boolean | string[] | undefined>;

export interface CallOptions {
  operation: XrpcOperation;
  params?: Params;
  /** JSON (an object), or raw bytes sent with `contentType` (a blob upload). Makes the call a POST. */
  body?: object | Uint8Array;
  contentType?: string;
  /** Points of the account's record-write budget this call spends (create 3, delete 1). */
  writeCost?: number;
  /** The HTTP client may repeat this POST after a lost answer (it cannot do harm twice). */
  idempotent?: boolean;
}

interface Session {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
}

/** Refresh this long before the access token's own expiry. */
const refreshMarginMs = 60_000;

export class BlueskyXrpc {
  readonly serviceUrl: string;
  private credentials: BlueskyCredentials;
  private readonly deps: BlueskyDeps;
  private readonly host: string;
  private session: Session | null;
  /** One sign-in or refresh at a time, shared by every call waiting for it. */
  private renewing: Promise<Session> | null = null;

  constructor(credentials: BlueskyCredentials, deps: BlueskyDeps) {
    this.credentials = credentials;
    this.deps = deps;
    this.serviceUrl = credentials.serviceUrl;
    this.host = new URL(credentials.serviceUrl).host;
    const { accessJwt, refreshJwt, did, handle } = credentials;
    this.session = accessJwt && refreshJwt && did ? { accessJwt, refreshJwt, did, handle: handle ?? did } : null;
    const budget = (key: string, points: number, windowMs: number) => deps.rateLimiter.setBudget(key, { points, windowMs });
    budget(this.appKey, 3000, 5 * 60_000);
    budget(this.signInKeys[0], 30, 5 * 60_000);
    budget(this.signInKeys[1], 100, DAY);
    if (did) this.setWriteBudgets(did);
  }

  /** The account's DID, signing in first if needed. */
  async did(): Promise<string> {
    return (await this.currentSession()).did;
  }

  async handle(): Promise<string> {
    return (await this.currentSession()).handle;
  }

  /** An XRPC call with the account's session; a non-2xx answer throws a ConnectorError. */
  async call<T>(nsid: string, options: CallOptions): Promise<T> {
    const response = await this.send(nsid, options);
    if (!response.ok) throw errorFromResponse(nsid, options.operation, response);
    return this.json<T>(nsid, options.operation, response);
  }

  /** Like `call`, but answers null when the network says the thing does not exist (`absent` names the XRPC errors that mean it). */
  async callOrNull<T>(nsid: string, options: CallOptions & { absent: string[] }): Promise<T | null> {
    const response = await this.send(nsid, options);
    if (!response.ok) {
      const { error } = readXrpcError(response);
      if (response.status === 400 && error !== null && options.absent.includes(error)) return null;
      throw errorFromResponse(nsid, options.operation, response);
    }
    return this.json<T>(nsid, options.operation, response);
  }

  /** The raw answer (after at most one refresh); transport failures already mapped to ConnectorErrors. */
  async send(nsid: string, options: CallOptions): Promise<HttpResponse> {
    let session = await this.currentSession();
    let response = await this.request(nsid, options, session);
    if (isExpiredToken(response.status, readXrpcError(response))) {
      // Refused before it was carried out: renewing the session and sending it again cannot do anything twice.
      session = await this.renew(session);
      response = await this.request(nsid, options, session);
    }
    return response;
  }

  private request(nsid: string, options: CallOptions, session: Session): Promise<HttpResponse> {
    const url = new URL(`/xrpc/${nsid}`, this.serviceUrl);
    for (const [key, value] of Object.entries(options.params ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${session.accessJwt}`, accept: 'application/json' };
    if (options.contentType) headers['content-type'] = options.contentType;
    const keys = [`channel:${session.did}`, this.appKey];
    const writeKeys = options.writeCost ? this.writeKeys(session.did) : [];
    return this.guard(nsid, options.operation, () =>
      this.deps.http.request({
        method: options.body === undefined ? 'GET' : 'POST',
        url,
        headers,
        body: options.body,
        // A record write spends its points everywhere (on the request budgets too: a little cautious).
        budgetKeys: [...keys, ...writeKeys],
        cost: options.writeCost,
        // Bluesky's ratelimit-* headers describe the limit that binds this request: the account's write
        // points for record writes, the IP address's requests for everything else. A spent write budget
        // must not stop the channel's reads (the inbox), so it is recorded on the write budget only.
        headerBudgetKeys: options.writeCost ? [writeKeys[0]] : [this.appKey],
        idempotent: options.idempotent,
      }),
    );
  }

  private json<T>(nsid: string, operation: XrpcOperation, response: HttpResponse): T {
    try {
      return response.json<T>();
    } catch (error) {
      throw errorFromFailure(nsid, operation, error);
    }
  }

  /** Runs a request, turning what the HTTP client or the limiter throws into ConnectorErrors. */
  private async guard<T>(nsid: string, operation: XrpcOperation, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw errorFromFailure(nsid, operation, error);
    }
  }

  // --- the session --------------------------------------------------------

  /**
   * Proves the stored credentials still open the account, on the server's
   * side: an access token stays valid for a while after its app password is
   * revoked, so a health check renews the session (refresh, or sign in again).
   */
  async verifySession(): Promise<void> {
    const session = this.session;
    await (session ? this.renew(session) : this.startRenewal(() => this.signIn()));
  }

  private async currentSession(): Promise<Session> {
    if (this.renewing) return this.renewing;
    const session = this.session;
    if (!session) return this.startRenewal(() => this.signIn());
    if (refreshDue(session.accessJwt, Date.now())) return this.renew(session);
    return session;
  }

  /** A fresh session to replace `stale` (unless another call already replaced it). */
  private renew(stale: Session): Promise<Session> {
    if (this.renewing) return this.renewing;
    if (this.session && this.session.accessJwt !== stale.accessJwt) return Promise.resolve(this.session);
    return this.startRenewal(() => this.refresh(stale));
  }

  private startRenewal(run: () => Promise<Session>): Promise<Session> {
    const renewing = run().finally(() => {
      if (this.renewing === renewing) this.renewing = null;
    });
    this.renewing = renewing;
    return renewing;
  }

  private async refresh(stale: Session): Promise<Session> {
    const nsid = 'com.atproto.server.refreshSession';
    const response = await this.guard(nsid, 'session', () =>
      this.deps.http.request({
        method: 'POST',
        url: new URL(`/xrpc/${nsid}`, this.serviceUrl),
        headers: { authorization: `Bearer ${stale.refreshJwt}`, accept: 'application/json' },
        budgetKeys: [`channel:${stale.did}`, this.appKey],
        headerBudgetKeys: [this.appKey],
      }),
    );
    if (response.ok) return this.adopt(this.json<Partial<Session>>(nsid, 'session', response));
    const failure = errorFromResponse(nsid, 'session', response);
    // The refresh token expired (90 days), was revoked or already rotated: sign in again with the app password.
    if (failure.kind === 'auth') return this.signIn();
    throw failure;
  }

  private async signIn(): Promise<Session> {
    const nsid = 'com.atproto.server.createSession';
    const response = await this.guard(nsid, 'session', () =>
      this.deps.http.request({
        method: 'POST',
        url: new URL(`/xrpc/${nsid}`, this.serviceUrl),
        headers: { accept: 'application/json' },
        body: { identifier: this.credentials.identifier, password: this.credentials.appPassword },
        budgetKeys: [...this.signInKeys, this.appKey],
        headerBudgetKeys: [this.signInKeys[0]],
      }),
    );
    if (!response.ok) throw errorFromResponse(nsid, 'session', response);
    return this.adopt(this.json<Partial<Session>>(nsid, 'session', response));
  }

  /** Takes a new session from createSession/refreshSession, and hands it over to be stored. */
  private async adopt(answer: Partial<Session>): Promise<Session> {
    const previous = this.session;
    const did = answer.did ?? previous?.did;
    if (!answer.accessJwt || !did) throw new ConnectorError('transient', 'Bluesky answered a sign-in without a session');
    // A missing refresh token keeps the one we had: never store an empty one.
    const refreshJwt = answer.refreshJwt || previous?.refreshJwt || this.credentials.refreshJwt;
    if (!refreshJwt) throw new ConnectorError('transient', 'Bluesky answered a sign-in without a refresh token');
    const session: Session = { accessJwt: answer.accessJwt, refreshJwt, did, handle: answer.handle ?? previous?.handle ?? did };
    this.session = session;
    this.setWriteBudgets(did);
    this.credentials = { ...this.credentials, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, did: session.did, handle: session.handle };
    await this.deps.onCredentialsChanged({ ...this.credentials });
    return session;
  }

  // --- budgets ------------------------------------------------------------

  private get appKey(): string {
    return `app:bluesky:${this.host}`;
  }

  private get signInKeys(): [string, string] {
    const account = `session:bluesky:${this.host}:${this.credentials.identifier.toLowerCase()}`;
    return [account, `${account}:day`];
  }

  private writeKeys(did: string): string[] {
    return [`channel:${did}:writes:hour`, `channel:${did}:writes:day`];
  }

  private setWriteBudgets(did: string): void {
    const [hour, day] = this.writeKeys(did);
    const [hourly, daily] = blueskyManifest.rateBudgets;
    this.deps.rateLimiter.setBudget(hour, { points: hourly.points, windowMs: HOUR });
    this.deps.rateLimiter.setBudget(day, { points: daily.points, windowMs: DAY });
  }
}

/** A JWT's `iat` and `exp` in epoch ms (null when absent or unreadable). The signature is the server's business. */
export function jwtTimes(token: string): { issuedAt: number | null; expiresAt: number | null } {
  const seconds = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value * 1000 : null);
  try {
    const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown; exp?: unknown };
    return { issuedAt: seconds(iat), expiresAt: seconds(exp) };
  } catch {
    return { issuedAt: null, expiresAt: null };
  }
}

/**
 * Whether to refresh before using the access token: within a minute of its
 * expiry (a quarter of its lifetime if that is shorter, so that a short-lived
 * token is not refreshed before every call).
 */
export function refreshDue(accessJwt: string, now: number): boolean {
  const { issuedAt, expiresAt } = jwtTimes(accessJwt);
  if (expiresAt === null) return false; // unreadable: the PDS will say ExpiredToken
  const margin = issuedAt !== null && expiresAt > issuedAt ? Math.min(refreshMarginMs, (expiresAt - issuedAt) / 4) : refreshMarginMs;
  return expiresAt - margin <= now;
}
