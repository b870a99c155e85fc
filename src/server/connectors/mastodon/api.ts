// One account's calls to a Mastodon instance, all through the shared HttpClient
// (SSRF guard, timeouts, safe retries, rate-limit budgets). Every request spends
// the account's budget `channel:<serverUrl>:<accountId>` and the instance's
// `app:mastodon:<host>`; the response's X-RateLimit-* headers are recorded
// against the account's key only, since Mastodon counts per account.
// The token goes in the Authorization header and nowhere else: the HttpClient
// logs method, host and path, never headers or query strings.
import type { HttpClient, HttpResponse } from '../../net/http-client.ts';
import type { RequestBody } from '../../net/http-body.ts';
import { errorFromResponse, errorFromThrown, type WriteKind } from './errors.ts';

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/api/v1/...`, or a full URL on the same instance (a Link header's). */
  path: string;
  query?: Query;
  body?: RequestBody;
  /** For error messages: "publishing", "reading notifications". */
  what: string;
  /** Whether a failure may have changed something (decides transient vs unknown_outcome, and retries). */
  kind: WriteKind;
  idempotencyKey?: string;
  /** Extra budget: media uploads and deletions have their own smaller limits. */
  budget?: 'media' | 'delete';
  /** Non-2xx statuses the caller handles itself (e.g. 404 for "missing"); returned instead of thrown. */
  allow?: number[];
  /** Sends no token (app registration, instance information). */
  anonymous?: boolean;
  timeoutMs?: number;
}

export interface MastodonApiOptions {
  http: HttpClient;
  serverUrl: string;
  accessToken?: string;
  tokenType?: string;
  /** The account's id once known; until then only the instance's budget is spent. */
  accountId?: () => string | undefined;
}

export function channelBudgetKey(serverUrl: string, accountId: string): string {
  return `channel:${serverUrl}:${accountId}`;
}

export function appBudgetKey(serverUrl: string): string {
  return `app:mastodon:${new URL(serverUrl).host}`;
}

/** Appends a query the way Rails reads it: arrays as `name[]=a&name[]=b`. */
export function withQuery(url: URL, query: Query | undefined): URL {
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(`${name}[]`, item);
    else url.searchParams.set(name, String(value));
  }
  return url;
}

export class MastodonApi {
  readonly serverUrl: string;
  private readonly http: HttpClient;
  private readonly authorization: string | null;
  private readonly accountId: () => string | undefined;

  constructor(options: MastodonApiOptions) {
    this.http = options.http;
    this.serverUrl = options.serverUrl;
    this.authorization = options.accessToken ? `${bearer(options.tokenType)} ${options.accessToken}` : null;
    this.accountId = options.accountId ?? (() => undefined);
  }

  url(path: string, query?: Query): URL {
    const url = new URL(path, this.serverUrl);
    // A Link header's URL is followed only on the same instance: the token must not go elsewhere.
    if (url.origin !== new URL(this.serverUrl).origin) throw new TypeError(`refusing to follow a link to another server (${url.host})`);
    return withQuery(url, query);
  }

  /** The response, 2xx or one of `allow`; anything else is thrown as a ConnectorError. */
  async request(input: ApiRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.authorization && !input.anonymous) headers.authorization = this.authorization;
    if (input.idempotencyKey) headers['idempotency-key'] = input.idempotencyKey;
    const accountId = this.accountId();
    const channelKey = accountId ? channelBudgetKey(this.serverUrl, accountId) : null;
    const budgetKeys = [appBudgetKey(this.serverUrl)];
    const headerBudgetKeys: string[] = [];
    if (channelKey && !input.anonymous) {
      budgetKeys.unshift(channelKey);
      headerBudgetKeys.push(channelKey);
      if (input.budget) budgetKeys.push(`${channelKey}:${input.budget}`);
    }
    let response: HttpResponse;
    try {
      response = await this.http.request({
        method: input.method,
        url: this.url(input.path, input.query),
        headers,
        body: input.body,
        budgetKeys,
        headerBudgetKeys,
        idempotent: input.kind !== 'unsafe-write',
        timeoutMs: input.timeoutMs,
      });
    } catch (error) {
      throw errorFromThrown(error, input.what, input.kind);
    }
    if (!response.ok && !input.allow?.includes(response.status)) throw errorFromResponse(response, input.what, input.kind);
    return response;
  }

  /** A JSON answer; a 2xx that is not JSON becomes a ConnectorError too. */
  async json<T>(input: ApiRequest): Promise<T> {
    const response = await this.request(input);
    try {
      return response.json<T>();
    } catch (error) {
      throw errorFromThrown(error, input.what, input.kind);
    }
  }
}

function bearer(tokenType: string | undefined): string {
  // Token responses say "Bearer" (some servers "bearer"); the header's scheme is case-insensitive, send the usual form.
  return !tokenType || tokenType.toLowerCase() === 'bearer' ? 'Bearer' : tokenType;
}

/** The `rel` targets of a Link header: `<url>; rel="next", <url>; rel="prev"`. */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const match of value.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2])?.[1];
    if (rel) for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] = match[1];
  }
  return links;
}
