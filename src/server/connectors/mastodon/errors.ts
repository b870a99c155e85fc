// Mastodon's answers sorted into the connector contract's error kinds
// (docs.joinmastodon.org, entities/Error and api/rate-limits): the HTTP status
// says what happened, the body's `error` says it in words for a person.
//   401                  → auth (token revoked or invalid: reconnect)
//   403 on the token     → auth (login disabled, unconfirmed, scope missing)
//   422, other 4xx       → rejected, with the instance's `error` message
//   429                  → rate_limited, retryAt from X-RateLimit-Reset (an ISO date) or Retry-After
//   5xx, network, timeout→ transient for reads and for writes that are safe to repeat;
//                          unknown_outcome for a write that may have taken effect (a status POST)
import { ConnectorError } from '../contract.ts';
import { HttpRequestError, type HttpResponse } from '../../net/http-client.ts';
import { parseResetTime, parseRetryAfter } from '../../net/rate-limit-headers.ts';
import { RateLimitedError } from '../../net/rate-limiter.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';

/** Whether a failed request may have changed something on the server. */
export type WriteKind = 'read' | 'safe-write' | 'unsafe-write';

/** The `error` (and `error_description`) of a Mastodon error body, when it has one. */
export function instanceMessage(response: HttpResponse): string | null {
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const { error, error_description: description } = body as { error?: unknown; error_description?: unknown };
  const parts = [error, description].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? parts.join(': ').slice(0, 500) : null;
}

/** When a 429'd account may try again: X-RateLimit-Reset (Mastodon: an ISO date), else Retry-After, else in a minute. */
export function retryAtOf(response: HttpResponse, now = Date.now()): Date {
  const reset = response.headers.get('x-ratelimit-reset');
  const fromReset = reset === null ? null : parseResetTime(reset, now);
  if (fromReset !== null && fromReset > now) return new Date(fromReset);
  const retryAfter = response.headers.get('retry-after');
  const fromRetryAfter = retryAfter === null ? null : parseRetryAfter(retryAfter, now);
  return new Date(fromRetryAfter ?? now + 60_000);
}

const tokenProblems = /access token|authorized scopes|login is|disabled|confirmed e-mail|pending approval|suspended/i;

/** Turns a non-2xx response into the contract's error. `what` names the operation ("publishing"). */
export function errorFromResponse(response: HttpResponse, what: string, kind: WriteKind): ConnectorError {
  const message = instanceMessage(response);
  const status = response.status;
  const describe = (reason: string) => `${what}: ${reason}${message ? ` (${message})` : ''}`;
  if (status === 401) return new ConnectorError('auth', describe('the instance no longer accepts this account’s token'), { networkMessage: message });
  if (status === 403 && message !== null && tokenProblems.test(message)) return new ConnectorError('auth', describe('the instance refuses this account'), { networkMessage: message });
  if (status === 410) return new ConnectorError('auth', describe('the account is gone'), { networkMessage: message });
  if (status === 429) return new ConnectorError('rate_limited', describe('rate limited'), { networkMessage: message, retryAt: retryAtOf(response) });
  if (status >= 500 || status === 408) {
    if (kind === 'unsafe-write') return new ConnectorError('unknown_outcome', describe(`the instance answered ${status}; it may have done it`), { networkMessage: message });
    return new ConnectorError('transient', describe(`the instance answered ${status}`), { networkMessage: message });
  }
  return new ConnectorError('rejected', describe(`the instance refused it (${status})`), { networkMessage: message ?? `HTTP ${status}` });
}

/** Turns what the HTTP client threw into the contract's error; BlockedUrlError and aborts pass through unchanged. */
export function errorFromThrown(error: unknown, what: string, kind: WriteKind): unknown {
  if (error instanceof ConnectorError || error instanceof BlockedUrlError) return error;
  if (error instanceof RateLimitedError) return new ConnectorError('rate_limited', `${what}: ${error.message}`, { retryAt: new Date(error.retryAt), cause: error });
  if (error instanceof HttpRequestError) {
    if (error.reason === 'response_too_large') return new ConnectorError(kind === 'unsafe-write' ? 'unknown_outcome' : 'rejected', `${what}: ${error.message}`, { cause: error });
    if (kind === 'unsafe-write') return new ConnectorError('unknown_outcome', `${what}: no answer (${error.reason}); it may have been done`, { cause: error });
    return new ConnectorError('transient', `${what}: ${error.message}`, { cause: error });
  }
  if (error instanceof SyntaxError) {
    // A 2xx that is not JSON: a proxy page, or not a Mastodon server at all.
    return new ConnectorError(kind === 'unsafe-write' ? 'unknown_outcome' : 'transient', `${what}: ${error.message}`, { cause: error });
  }
  return error;
}
