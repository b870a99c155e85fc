// Keeps user-supplied URLs (a Mastodon instance, an RSS feed, a webhook) away
// from Relais' own network. Checking a URL's host name before the request is not
// enough: DNS can answer "public" to the check and "127.0.0.1" to the connection
// (DNS rebinding). So the check lives in the connector: the guard resolves the
// name itself, judges every address, and connects to exactly the address it
// judged. Redirects are followed here, by hand, so every hop goes through it.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { defaultAddressPolicy, type AddressPolicy } from './address-policy.ts';

export type BlockedUrlReason = 'invalid_url' | 'scheme' | 'credentials' | 'private_address' | 'unresolvable' | 'too_many_redirects';

/** A URL Relais refuses to call. Messages name the host, never the path or query (they may carry tokens). */
export class BlockedUrlError extends Error {
  readonly reason: BlockedUrlReason;
  constructor(reason: BlockedUrlReason, message: string) {
    super(message);
    this.name = 'BlockedUrlError';
    this.reason = reason;
  }
}

/** Every address a host name stands for. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** getaddrinfo, like every other program on the machine (so /etc/hosts and `localhost` count). */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, order: 'verbatim' })).map((entry) => entry.address);

export interface SsrfGuardOptions {
  allowPrivateUrls: boolean;
  /** Replaces the default policy (public addresses only, or all but cloud metadata with allowPrivateUrls). */
  isAllowed?: AddressPolicy;
  resolve?: Resolver;
  /** Default 5. */
  maxRedirects?: number;
  /** TCP/TLS connection timeout per address, default 10 s. */
  connectTimeoutMs?: number;
}

/** A request the guard can replay on a 307/308 redirect: bodies are already encoded. */
export interface GuardedRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

/** What a guarded request answers; the body is a Node stream (undici's request API, far cheaper than WHATWG fetch). */
export interface GuardedResponse {
  status: number;
  headers: Headers;
  /** The address that answered, after redirects. */
  url: string;
  body: Dispatcher.ResponseData['body'];
  text(): Promise<string>;
}

export interface SsrfGuard {
  /** Checks what can be checked without DNS (scheme, credentials, an IP literal host); returns the parsed URL. */
  checkUrl(url: string | URL): URL;
  /** Also resolves the host: for validating a URL a person typed, before storing it. The request checks again. */
  assertAllowed(url: string | URL): Promise<URL>;
  /** A request through the guarded connector, following up to `maxRedirects` redirects, each hop checked. */
  fetch(url: string | URL, request?: GuardedRequest): Promise<GuardedResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const defaultPorts: Record<string, number> = { 'http:': 80, 'https:': 443 };
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// Credentials meant for one origin must not follow a redirect to another.
const originBoundHeaders = ['authorization', 'cookie', 'proxy-authorization'];
const bodyHeaders = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

export function createSsrfGuard(options: SsrfGuardOptions): SsrfGuard {
  const isAllowed = options.isAllowed ?? defaultAddressPolicy(options.allowPrivateUrls);
  const resolve = options.resolve ?? systemResolver;
  const maxRedirects = options.maxRedirects ?? 5;

  async function allowedAddresses(hostname: string, port: number): Promise<string[]> {
    const addresses = isIP(hostname) ? [hostname] : await resolveOrBlock(resolve, hostname);
    // One refused address refuses the name: a public answer mixed with a
    // private one is how rebinding attacks hedge their bets.
    const refused = addresses.find((address) => !isAllowed(address, { hostname, port }));
    if (refused !== undefined) {
      const what = refused === hostname ? `address ${hostname}` : `${hostname} (${refused})`;
      throw new BlockedUrlError('private_address', `${what} is not a public address; Relais may not reach it`);
    }
    return addresses;
  }

  function checkUrl(input: string | URL): URL {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new BlockedUrlError('invalid_url', 'not a valid URL');
    }
    if (!(url.protocol in defaultPorts)) throw new BlockedUrlError('scheme', `${url.protocol} URLs are not allowed; use http or https`);
    if (url.username || url.password) throw new BlockedUrlError('credentials', 'URLs with a user name or password are not allowed');
    const hostname = bareHostname(url.hostname);
    if (isIP(hostname) && !isAllowed(hostname, { hostname, port: portOf(url) })) {
      throw new BlockedUrlError('private_address', `address ${hostname} is not a public address; Relais may not reach it`);
    }
    return url;
  }

  const dispatcher = new Agent({ connect: guardedConnector(allowedAddresses, options.connectTimeoutMs ?? 10_000) });

  async function fetchOnce(url: URL, request: Required<Pick<GuardedRequest, 'method' | 'headers'>> & GuardedRequest): Promise<GuardedResponse> {
    try {
      const answer = await dispatcher.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method: request.method as Dispatcher.HttpMethod, headers: request.headers, body: request.body, signal: request.signal });
      return { status: answer.statusCode, headers: toHeaders(answer.headers), url: url.href, body: answer.body, text: () => answer.body.text() };
    } catch (error) {
      // A refusal of the guarded connector may come back wrapped; the caller wants ours.
      throw findBlockedUrlError(error) ?? error;
    }
  }

  return {
    checkUrl,

    async assertAllowed(input) {
      const url = checkUrl(input);
      await allowedAddresses(bareHostname(url.hostname), portOf(url));
      return url;
    },

    async fetch(input, request = {}) {
      let url = checkUrl(input);
      let method = (request.method ?? 'GET').toUpperCase();
      let headers = lowerCaseKeys(request.headers ?? {});
      let body = request.body;
      for (let redirects = 0; ; redirects += 1) {
        const response = await fetchOnce(url, { method, headers, body, signal: request.signal });
        const location = redirectStatuses.has(response.status) ? response.headers.get('location') : null;
        if (location === null) return response;
        await response.body.dump();
        if (redirects >= maxRedirects) throw new BlockedUrlError('too_many_redirects', `more than ${maxRedirects} redirects`);
        const next = checkUrl(new URL(location, url));
        // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
        if ((response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers = withoutHeaders(headers, bodyHeaders);
        }
        if (next.origin !== url.origin) headers = withoutHeaders(headers, originBoundHeaders);
        url = next;
      }
    },

    close: () => dispatcher.close(),
  };
}

/**
 * An undici connector that resolves the host itself, refuses disallowed
 * addresses and connects to the checked address (trying the next one when a
 * connection fails), keeping the host name for TLS (SNI and certificate check).
 */
function guardedConnector(allowedAddresses: (hostname: string, port: number) => Promise<string[]>, timeoutMs: number): buildConnector.connector {
  const connectSocket = buildConnector({ timeout: timeoutMs });
  return (options, callback) => {
    const hostname = bareHostname(options.hostname);
    const port = Number(options.port) || defaultPorts[options.protocol] || 80;
    const servername = options.protocol === 'https:' && !isIP(hostname) ? (options.servername ?? hostname) : options.servername;
    allowedAddresses(hostname, port).then(
      (addresses) => {
        const tryAddress = (index: number) => {
          connectSocket({ ...options, hostname: addresses[index], servername }, (...result) => {
            if (result[0] && index + 1 < addresses.length) tryAddress(index + 1);
            else callback(...result);
          });
        };
        tryAddress(0);
      },
      (error: Error) => callback(error, null),
    );
  };
}

async function resolveOrBlock(resolve: Resolver, hostname: string): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await resolve(hostname);
  } catch {
    throw new BlockedUrlError('unresolvable', `${hostname} could not be resolved`);
  }
  if (addresses.length === 0) throw new BlockedUrlError('unresolvable', `${hostname} has no address`);
  return addresses;
}

function findBlockedUrlError(error: unknown): BlockedUrlError | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (current instanceof BlockedUrlError) return current;
  }
  return null;
}

/** URL.hostname keeps the brackets of an IPv6 literal; sockets and policies want the bare address. */
function bareHostname(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : defaultPorts[url.protocol];
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}
