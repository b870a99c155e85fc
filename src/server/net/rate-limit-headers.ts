// What a response says about the caller's rate-limit budget. Networks disagree
// on the dialect, so each is read here into one shape:
//   RateLimit: limit=300, remaining=12, reset=40        (IETF draft ≤ 07)
//   RateLimit: "default";r=12;t=40                      (IETF draft ≥ 08)
//   RateLimit-Limit / -Remaining / -Reset               (IETF, Bluesky's ratelimit-*)
//   X-RateLimit-Limit / -Remaining / -Reset             (Mastodon, GitHub, many others)
//   X-Rate-Limit-Limit / -Remaining / -Reset            (X/Twitter)
//   Retry-After: 30 | Retry-After: <HTTP date>          (on 429 and 503)
// "Reset" means seconds from now in the IETF drafts, but epoch seconds at
// Bluesky and GitHub and an ISO date at Mastodon, so its form is detected.

export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  /** Epoch ms when the budget refills. */
  resetAt: number | null;
  /** Epoch ms from Retry-After (429 and 503 only). */
  retryAfterAt: number | null;
}

const separateDialects = ['ratelimit-', 'x-ratelimit-', 'x-rate-limit-'];

export function readRateLimitHeaders(headers: HeaderSource, status: number, now: number): RateLimitInfo {
  const get = (name: string) => headerValue(headers, name);
  const retryAfter = status === 429 || status === 503 ? get('retry-after') : null;
  const info: RateLimitInfo = { limit: null, remaining: null, resetAt: null, retryAfterAt: retryAfter === null ? null : parseRetryAfter(retryAfter, now) };

  const combined = get('ratelimit');
  if (combined !== null) {
    const parsed = parseCombinedHeader(combined);
    if (parsed.remaining !== null) {
      return { ...info, limit: parsed.limit, remaining: parsed.remaining, resetAt: parsed.reset === null ? null : parseResetTime(parsed.reset, now) };
    }
  }
  for (const prefix of separateDialects) {
    const remaining = parseCount(get(`${prefix}remaining`));
    if (remaining === null) continue;
    const reset = get(`${prefix}reset`);
    return { ...info, limit: parseCount(get(`${prefix}limit`)), remaining, resetAt: reset === null ? null : parseResetTime(reset, now) };
  }
  return info;
}

/**
 * A reset time in any of the forms networks use: epoch seconds (≥ 10⁹, i.e.
 * after 2001), epoch milliseconds (≥ 10¹²), seconds from now (anything
 * smaller: no window lasts 30 years), or a date (ISO 8601 or HTTP date).
 */
export function parseResetTime(value: string, now: number): number | null {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const number = Number(text);
    if (number >= 1e12) return Math.round(number);
    if (number >= 1e9) return Math.round(number * 1000);
    return now + Math.round(number * 1000);
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : date;
}

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, now: number): number | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) return now + Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(date, now);
}

function parseCombinedHeader(value: string): { limit: number | null; remaining: number | null; reset: string | null } {
  // Several policies may be listed; the one with the least left is the one that binds.
  let best: { limit: number | null; remaining: number | null; reset: string | null } = { limit: null, remaining: null, reset: null };
  for (const item of value.split(',')) {
    const params = new Map<string, string>();
    for (const part of item.split(';')) {
      const [name, ...rest] = part.split('=');
      if (rest.length > 0) params.set(name.trim().toLowerCase(), rest.join('=').trim().replace(/^"|"$/g, ''));
    }
    const remaining = parseCount(params.get('remaining') ?? params.get('r') ?? null);
    const limit = parseCount(params.get('limit') ?? null);
    const reset = params.get('reset') ?? params.get('t') ?? null;
    // Draft 07 spreads one policy over comma-separated members: merge them.
    if (remaining === null) {
      best = { limit: best.limit ?? limit, remaining: best.remaining, reset: best.reset ?? reset };
    } else if (best.remaining === null || remaining < best.remaining) {
      best = { limit: limit ?? best.limit, remaining, reset: reset ?? best.reset };
    }
  }
  return best;
}

function parseCount(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value.split(',')[0].trim());
  return Number.isFinite(number) && number >= 0 ? number : null;
}

function headerValue(headers: HeaderSource, name: string): string | null {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === name && value !== undefined) return Array.isArray(value) ? value.join(', ') : value;
  }
  return null;
}
