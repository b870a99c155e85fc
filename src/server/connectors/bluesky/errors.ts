// From what a PDS answered (or failed to answer) to ConnectorError kinds.
//
// XRPC errors are JSON `{ error, message }`: `error` is a stable name
// (ExpiredToken, InvalidToken, AuthenticationRequired, RecordNotFound, …),
// `message` is for people. Statuses alone are not enough: an expired refresh
// token comes back as 400 ExpiredToken, not 401.
//
// Messages never carry a token, a request body or a query string: they name
// the XRPC method and quote the network's own (length-capped) message.
import { ConnectorError } from '../contract.ts';
import { HttpRequestError, type HttpResponse } from '../../net/http-client.ts';
import { RateLimitedError } from '../../net/rate-limiter.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { parseResetTime, parseRetryAfter } from '../../net/rate-limit-headers.ts';

/**
 * What kind of call failed, which decides what a lost answer means:
 * `read` (safe to repeat), `write` (repeating does no harm: delete, blob upload,
 * a like under its derived key), `create` (a post: the answer was lost, the post
 * may exist), `session` (createSession / refreshSession).
 */
export type XrpcOperation = 'read' | 'write' | 'create' | 'session';

export interface XrpcErrorBody {
  error: string | null;
  message: string | null;
}

/** Error names that mean "sign in again" (ExpiredToken only once a refresh has been tried). */
const authErrors = new Set([
  'AuthenticationRequired',
  'AuthMissing',
  'InvalidToken',
  'ExpiredToken',
  'AccountTakedown',
  'AccountDeactivated',
  'AuthFactorTokenRequired',
  'InvalidPassword',
]);

/** Reads `{ error, message }` from an XRPC error response, whatever its shape. */
export function readXrpcError(response: Pick<HttpResponse, 'text'>): XrpcErrorBody {
  try {
    const body = JSON.parse(response.text()) as { error?: unknown; message?: unknown };
    return {
      error: typeof body.error === 'string' ? body.error.slice(0, 100) : null,
      message: typeof body.message === 'string' ? tidy(body.message) : null,
    };
  } catch {
    return { error: null, message: null };
  }
}

/** Whether the access token has expired (the caller refreshes and tries once more). */
export function isExpiredToken(status: number, body: XrpcErrorBody): boolean {
  return (status === 400 || status === 401) && body.error === 'ExpiredToken';
}

/** When a 429 (or a rate-limit header) says the budget comes back: ratelimit-reset (epoch seconds at Bluesky), else Retry-After. */
export function retryAtFrom(headers: Pick<Headers, 'get'>, now = Date.now()): Date {
  const reset = headers.get('ratelimit-reset');
  const fromReset = reset === null ? null : parseResetTime(reset, now);
  if (fromReset !== null && fromReset > now) return new Date(fromReset);
  const retryAfter = headers.get('retry-after');
  const fromRetryAfter = retryAfter === null ? null : parseRetryAfter(retryAfter, now);
  if (fromRetryAfter !== null && fromRetryAfter > now) return new Date(fromRetryAfter);
  return new Date(now + 60_000);
}

/** A non-2xx XRPC answer as a ConnectorError. */
export function errorFromResponse(nsid: string, operation: XrpcOperation, response: Pick<HttpResponse, 'status' | 'headers' | 'text'>): ConnectorError {
  const { status } = response;
  const body = readXrpcError(response);
  const said = body.message ?? body.error;
  const detail = [body.error, body.message].filter(Boolean).join(': ');
  const describe = `Bluesky ${nsid} answered ${status}${detail ? ` (${detail})` : ''}`;

  if (status === 429 || body.error === 'RateLimitExceeded') {
    return new ConnectorError('rate_limited', describe, { networkMessage: said, retryAt: retryAtFrom(response.headers) });
  }
  // A sign-in or refresh the service refuses means the stored credentials no longer work.
  const refusedSession = operation === 'session' && status >= 400 && status < 500;
  if ((body.error !== null && authErrors.has(body.error)) || status === 401 || refusedSession) {
    return new ConnectorError('auth', describe, { networkMessage: said });
  }
  if (status === 404 || status === 405 || status === 501) {
    // XRPC answers these for a method the service does not implement (a PDS without an AppView behind it).
    return new ConnectorError('rejected', `Bluesky does not offer ${nsid} on this service (${status})`, { networkMessage: said ?? `${nsid} is not available on this service` });
  }
  if (status >= 500 || status === 408) {
    // The PDS may have done it before failing (a 500 also answers a createRecord on a taken key).
    return new ConnectorError(operation === 'create' ? 'unknown_outcome' : 'transient', describe, { networkMessage: said });
  }
  if (status >= 400) {
    // InvalidRequest (a record the lexicon refuses, a key already taken by putRecord's swap), BlobTooLarge, 403 …
    return new ConnectorError('rejected', describe, { networkMessage: said ?? `Bluesky refused the request (${status})` });
  }
  return new ConnectorError('transient', `Bluesky ${nsid} answered an unexpected ${status}`);
}

/** What the HTTP client threw (no usable answer) as a ConnectorError. Other errors (a caller's abort) are returned as they are. */
export function errorFromFailure(nsid: string, operation: XrpcOperation, error: unknown): unknown {
  if (error instanceof ConnectorError) return error;
  if (error instanceof RateLimitedError) {
    return new ConnectorError('rate_limited', `Bluesky ${nsid}: Relais' budget "${error.key}" is spent until ${new Date(error.retryAt).toISOString()}`, { retryAt: new Date(error.retryAt), cause: error });
  }
  if (error instanceof BlockedUrlError) {
    // The service URL itself is refused (a private address without RELAIS_ALLOW_PRIVATE_URLS): the channel needs another one.
    return new ConnectorError('auth', `Bluesky ${nsid}: ${error.message}`, { networkMessage: null, cause: error });
  }
  if (error instanceof HttpRequestError) {
    // No answer (or one too large to read): a post may have been created all the same.
    return new ConnectorError(operation === 'create' ? 'unknown_outcome' : 'transient', `Bluesky ${nsid}: ${error.message}`, { cause: error });
  }
  if (error instanceof SyntaxError) {
    // A 2xx whose body is not JSON: a proxy's page, not the PDS.
    return new ConnectorError(operation === 'create' ? 'unknown_outcome' : 'transient', `Bluesky ${nsid}: ${error.message}`, { cause: error });
  }
  return error;
}

/** Single line, length-capped, and never something that looks like a token. */
function tidy(message: string): string {
  return message
    .replace(/\s+/g, ' ')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]')
    .trim()
    .slice(0, 300);
}
