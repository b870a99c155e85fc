// Fetches a feed through the one outbound HTTP client: the SSRF guard judges the
// address connected to and every redirect hop, responses are capped in size
// and time. Checks are conditional (ETag / Last-Modified), so an unchanged
// feed costs its server a 304. A web page's address is accepted too: the feed
// it announces (<link rel="alternate" type="application/rss+xml">) is fetched.
import { Parser } from 'htmlparser2';
import { AppError } from '../../errors.ts';
import { HttpRequestError, type HttpClient, type HttpResponse } from '../../net/http-client.ts';
import { RateLimitedError } from '../../net/rate-limiter.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { NotAFeedError, parseFeedDocument, type ParsedFeed } from './feed-parser.ts';

export const maxFeedBytes = 5 * 1024 * 1024;
const timeoutMs = 20_000;
const accept = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const feedTypes = /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(xml|json)$|^text\/xml$/;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchedFeed =
  | { kind: 'not_modified' }
  | { kind: 'fetched'; feed: ParsedFeed; validators: Validators; /** The feed's own address (after discovery from a web page). */ url: string };

export class FeedFetcher {
  private readonly http: HttpClient;

  constructor(deps: { http: HttpClient }) {
    this.http = deps.http;
  }

  /**
   * The feed, or `not_modified` when the validators still match. Throws an
   * AppError (422) saying, in a person's words, why the feed could not be read.
   */
  async fetch(url: string, validators: Validators = { etag: null, lastModified: null }, signal?: AbortSignal): Promise<FetchedFeed> {
    const response = await this.get(url, validators, signal);
    if (response.status === 304) return { kind: 'not_modified' };
    const body = decodeBody(response);
    try {
      return { kind: 'fetched', feed: parseFeedDocument(body, response.url || url), validators: validatorsOf(response), url };
    } catch (error) {
      if (!(error instanceof NotAFeedError)) throw error;
      const announced = discoverFeedUrl(body, response.url || url);
      if (!announced || announced === url) throw new AppError(422, 'feed_not_a_feed', { host: hostOf(url) });
      const second = await this.get(announced, { etag: null, lastModified: null }, signal);
      try {
        return { kind: 'fetched', feed: parseFeedDocument(decodeBody(second), second.url || announced), validators: validatorsOf(second), url: announced };
      } catch (inner) {
        if (inner instanceof NotAFeedError) throw new AppError(422, 'feed_not_a_feed', { host: hostOf(announced) });
        throw inner;
      }
    }
  }

  private async get(url: string, validators: Validators, signal?: AbortSignal): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    let response: HttpResponse;
    try {
      response = await this.http.request({ method: 'GET', url, headers, maxResponseBytes: maxFeedBytes, timeoutMs, signal });
    } catch (error) {
      throw translateFetchError(error, url);
    }
    if (response.status === 304 || response.ok) return response;
    throw new AppError(422, 'feed_http_error', { host: hostOf(url), status: response.status });
  }
}

/** What a failed request means for the person who gave the address. */
export function translateFetchError(error: unknown, url: string): unknown {
  const host = hostOf(url);
  if (error instanceof BlockedUrlError) {
    if (error.reason === 'private_address') return new AppError(422, 'feed_url_refused', { host });
    if (error.reason === 'unresolvable') return new AppError(422, 'feed_host_unknown', { host });
    if (error.reason === 'too_many_redirects') return new AppError(422, 'feed_unreachable', { host });
    return new AppError(422, 'feed_url_invalid', { value: url.slice(0, 200) });
  }
  if (error instanceof HttpRequestError) {
    if (error.reason === 'response_too_large') return new AppError(422, 'feed_too_large', { host, maxMb: maxFeedBytes / 1024 / 1024 });
    return new AppError(422, error.reason === 'timeout' ? 'feed_timeout' : 'feed_unreachable', { host });
  }
  // The feed's server asked to wait longer than a check may: it is tried again later, with back-off.
  if (error instanceof RateLimitedError) return new AppError(422, 'feed_http_error', { host, status: 429 });
  // The caller's own time budget (a person waiting for an answer) ran out, retries included.
  if (ranOutOfTime(error)) return new AppError(422, 'feed_timeout', { host });
  return error;
}

/** A TimeoutError from AbortSignal.timeout, as thrown, or as the cause of an interrupted back-off wait. */
function ranOutOfTime(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 3; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (current instanceof DOMException && current.name === 'TimeoutError') return true;
  }
  return false;
}

function validatorsOf(response: HttpResponse): Validators {
  return { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}

/**
 * The body as text in its declared encoding (HTTP charset, else the XML
 * declaration's, else UTF-8): older French feeds are often ISO-8859-1.
 */
export function decodeBody(response: Pick<HttpResponse, 'headers' | 'bytes'>): string {
  const bytes = response.bytes();
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const fromDeclaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  for (const label of [fromHeader, fromDeclaration, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: try the next source
    }
  }
  return new TextDecoder().decode(bytes);
}

/** The first feed a web page announces in its <head>, as an absolute http(s) URL. */
export function discoverFeedUrl(html: string, pageUrl: string): string | null {
  let found: string | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found || name !== 'link') return;
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      const type = (attributes.type ?? '').toLowerCase().trim();
      if (!rel.includes('alternate') || !feedTypes.test(type) || !attributes.href) return;
      try {
        const url = new URL(attributes.href, pageUrl);
        if (url.protocol === 'http:' || url.protocol === 'https:') found = url.toString();
      } catch {
        // not a URL: look further
      }
    },
  });
  parser.write(html.slice(0, 512 * 1024));
  parser.end();
  return found;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}
