// The one outbound HTTP client every connector uses. It puts in one place what
// each connector would otherwise get slightly wrong:
// - the SSRF guard on every connection and every redirect hop;
// - a timeout on every attempt (headers and body), and a cap on response size;
// - retries only where repeating cannot do harm (safe methods, or a request the
//   caller marks idempotent) and only for failures a retry can fix;
// - the network's rate limits, shared per channel and per app;
// - logs that say where a request went and how it ended, never what it carried.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import packageJson from '../../../package.json' with { type: 'json' };
import { encodeRequestBody, readCappedBody, ResponseTooLargeError, type RequestBody } from './http-body.ts';
import { parseRetryAfter } from './rate-limit-headers.ts';
import { RateLimitedError, type RateLimiter } from './rate-limiter.ts';
import { BlockedUrlError, createSsrfGuard, type SsrfGuard } from './ssrf-guard.ts';

export const defaultUserAgent = `Relais/${packageJson.version} (+https://github.com/relais-social/relais)`;

export interface HttpClientOptions {
  /** Let requests reach loopback and private addresses (config.allowPrivateUrls). */
  allowPrivateUrls: boolean;
  logger: Pick<Logger, 'debug'>;
  /** Shared budgets; without one, `budgetKeys` are ignored (Retry-After is still honoured). */
  rateLimiter?: RateLimiter;
  userAgent?: string;
  /** Per attempt, headers and body together. Default 15 s. */
  timeoutMs?: number;
  /** Default 10 MB. */
  maxResponseBytes?: number;
  /** Retries after the first attempt, default 3. */
  maxRetries?: number;
  /** First back-off delay; doubles each retry, with jitter. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** A Retry-After longer than this is not waited out: RateLimitedError (429) or the response (503) is returned to the caller. Default 60 s. */
  maxRetryDelayMs?: number;
  /** Replaces the guard built from allowPrivateUrls (e.g. one with an injected resolver). */
  guard?: SsrfGuard;
}

export interface HttpRequest {
  method: string;
  url: string | URL;
  headers?: Record<string, string>;
  body?: RequestBody;
  /** Rate-limit budgets this request spends, e.g. ['channel:123', 'app:mastodon.social']. */
  budgetKeys?: string[];
  /**
   * Which of those budgets the response's rate-limit headers describe; default all of them. Mastodon's headers
   * count per account, so a channel request passes ['channel:123'] here and does not mark the whole instance spent.
   */
  headerBudgetKeys?: string[];
  /** Points this request costs in static budgets (e.g. 3 for a Bluesky record creation). Default 1. */
  cost?: number;
  /** Declares a POST/PATCH safe to repeat (e.g. it carries an idempotency key), so it may be retried. */
  idempotent?: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  signal?: AbortSignal;
}

/** A response read in full (within the size cap), so its accessors need no await. */
export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  /** The URL that answered, after redirects. */
  url: string;
  json<T = unknown>(): T;
  text(): string;
  bytes(): Uint8Array;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

export type HttpFailure = 'timeout' | 'network' | 'response_too_large';

/** The request did not get a usable response. The message names method, host and path, never the query or body. */
export class HttpRequestError extends Error {
  readonly reason: HttpFailure;
  constructor(reason: HttpFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpRequestError';
    this.reason = reason;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const retryableStatuses = new Set([408, 429, 502, 503, 504]);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const guard = options.guard ?? createSsrfGuard({ allowPrivateUrls: options.allowPrivateUrls });
  const { logger, rateLimiter } = options;
  const userAgent = options.userAgent ?? defaultUserAgent;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 500;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;

  const backoff = (retry: number) => {
    const ceiling = Math.min(maxRetryDelayMs, retryBaseDelayMs * 2 ** (retry - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2); // jitter, but never "retry at once"
  };

  async function request(input: HttpRequest): Promise<HttpResponse> {
    const method = input.method.toUpperCase();
    const url = guard.checkUrl(input.url);
    const where = { method, host: url.host, path: url.pathname };
    const describe = `${method} ${url.host}${url.pathname}`;
    const canRetry = safeMethods.has(method) || input.idempotent === true;
    const keys = rateLimiter ? (input.budgetKeys ?? []) : [];
    const headerKeys = rateLimiter ? (input.headerBudgetKeys ?? keys) : [];
    const timeoutMs = input.timeoutMs ?? options.timeoutMs ?? 15_000;
    const maxBytes = input.maxResponseBytes ?? options.maxResponseBytes ?? 10 * 1024 * 1024;
    const encoded = await encodeRequestBody(input.body);
    const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    if (encoded.contentType && !headers['content-type']) headers['content-type'] = encoded.contentType;
    headers['user-agent'] = userAgent;

    for (let attempt = 1; ; attempt += 1) {
      if (rateLimiter && keys.length > 0) await rateLimiter.acquire(keys, { cost: input.cost, signal: input.signal });
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      let response: HttpResponse;
      try {
        response = await attemptOnce(url, { method, headers, body: encoded.body, timeoutMs, maxBytes, signal: input.signal });
      } catch (error) {
        const failure = classify(error, input.signal, describe, timeoutMs, maxBytes);
        const retrying = canRetry && attempt <= maxRetries && failure instanceof HttpRequestError && failure.reason !== 'response_too_large';
        logger.debug({ ...where, error: failure instanceof HttpRequestError ? failure.reason : (failure as Error).name, durationMs: elapsed(), attempt, retrying }, 'outbound request failed');
        if (!retrying) throw failure;
        await sleep(backoff(attempt), undefined, { signal: input.signal });
        continue;
      }
      if (rateLimiter && headerKeys.length > 0) rateLimiter.update(headerKeys, response.headers, response.status);
      const retryAt = retryableStatuses.has(response.status) ? retryAfter(response) : null;
      const retryDelay = retryAt === null ? backoff(attempt) : retryAt - Date.now();
      const retrying = canRetry && retryableStatuses.has(response.status) && attempt <= maxRetries && retryDelay <= maxRetryDelayMs;
      logger.debug({ ...where, status: response.status, durationMs: elapsed(), attempt, retrying }, 'outbound request');
      if (retrying) {
        await sleep(Math.max(0, retryDelay), undefined, { signal: input.signal });
        continue;
      }
      // A long Retry-After on a request we would have retried: hand the wait to the job queue.
      if (canRetry && response.status === 429 && retryAt !== null && retryDelay > maxRetryDelayMs) throw new RateLimitedError(headerKeys[0] ?? keys[0] ?? `host:${url.host}`, retryAt);
      return response;
    }
  }

  async function attemptOnce(
    url: URL,
    request: { method: string; headers: Record<string, string>; body: string | Uint8Array | undefined; timeoutMs: number; maxBytes: number; signal?: AbortSignal },
  ): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const response = await guard.fetch(url, { method: request.method, headers: request.headers, body: request.body, signal });
    const bytes = request.method === 'HEAD' ? (await response.body.dump(), new Uint8Array()) : await readCappedBody(response, request.maxBytes);
    return bufferedResponse(response.status, response.headers, response.url, bytes);
  }

  return { request, close: () => guard.close() };
}

// One decoder for every response: it keeps no state between whole-buffer calls, and making one costs more than decoding a small body.
const utf8 = new TextDecoder();

function bufferedResponse(status: number, headers: Headers, url: string, bytes: Uint8Array): HttpResponse {
  const text = () => utf8.decode(bytes);
  return {
    status,
    ok: status >= 200 && status < 300,
    headers,
    url,
    text,
    bytes: () => bytes,
    json<T>(): T {
      try {
        return JSON.parse(text()) as T;
      } catch {
        // JSON.parse quotes the text it choked on; that text may hold tokens or personal data.
        throw new SyntaxError(`the response from ${new URL(url).host} is not valid JSON`);
      }
    },
  };
}

function retryAfter(response: HttpResponse): number | null {
  const value = response.status === 429 || response.status === 503 ? response.headers.get('retry-after') : null;
  return value === null ? null : parseRetryAfter(value, Date.now());
}

/** Turns what a failed attempt threw into what the caller should see. */
function classify(error: unknown, callerSignal: AbortSignal | undefined, describe: string, timeoutMs: number, maxBytes: number): unknown {
  if (callerSignal?.aborted) return callerSignal.reason;
  if (error instanceof BlockedUrlError) return error;
  if (error instanceof ResponseTooLargeError) return new HttpRequestError('response_too_large', `${describe}: response larger than ${maxBytes} bytes`, { cause: error });
  if (error instanceof DOMException && error.name === 'TimeoutError') return new HttpRequestError('timeout', `${describe}: no complete response within ${timeoutMs} ms`, { cause: error });
  return new HttpRequestError('network', `${describe}: ${networkCause(error)}`, { cause: error });
}

/** The most specific code or message of a network error ("ECONNREFUSED", "other side closed"). */
function networkCause(error: unknown): string {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return typeof current?.code === 'string' ? current.code : String(current?.message ?? 'network error');
}
