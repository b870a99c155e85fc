// Reads a feed (RSS 0.9x/2.0, Atom 0.3/1.0, RSS 1.0 (RDF) or JSON Feed) into the
// few fields a post needs. Parsing is feedsmith's (lenient with real-world
// feeds, maps legacy elements to modern ones); this file only chooses, per
// format, where each field lives and turns HTML into text.
import { createHash } from 'node:crypto';
import { parseFeed, type AnyFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { htmlToPlainText, textOfTitle } from './html-text.ts';

export interface FeedEntry {
  /** The item's own identifier (RSS guid, Atom id, RDF about, JSON id), when it has one. */
  guid: string | null;
  /** Absolute http(s) link to the item's page. */
  link: string | null;
  title: string;
  /** Summary (or content when there is no summary) as plain text. */
  summary: string;
  author: string;
  categories: string[];
  publishedAt: number | null;
  /** Position in the document (0: first). */
  index: number;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  /** The site the feed belongs to. */
  link: string | null;
  entries: FeedEntry[];
}

/** The document is not a feed Relais can read (an HTML page, a broken file…). */
export class NotAFeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotAFeedError';
  }
}

/** Items read from one document; a feed's archive beyond that is not news. */
export const maxEntries = 200;
/** Longer summaries are cut before they reach a template (no post takes more). */
const maxSummary = 2000;

export function parseFeedDocument(body: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(body, { maxItems: maxEntries });
  } catch (error) {
    throw new NotAFeedError(`not an RSS, Atom or JSON feed: ${(error as Error).message}`, { cause: error });
  }
  const base = feedUrl;
  switch (parsed.format) {
    case 'rss':
      return { format: 'rss', title: textOfTitle(parsed.feed.title ?? ''), link: absolute(parsed.feed.link, base), entries: (parsed.feed.items ?? []).map((item, index) => rssEntry(item, index, base)) };
    case 'atom':
      return {
        format: 'atom',
        title: atomText(parsed.feed.title),
        link: absolute(alternateLink(parsed.feed.links), base),
        entries: (parsed.feed.entries ?? []).map((entry, index) => atomEntry(entry, index, base)),
      };
    case 'rdf':
      return { format: 'rdf', title: textOfTitle(parsed.feed.title ?? ''), link: absolute(parsed.feed.link, base), entries: (parsed.feed.items ?? []).map((item, index) => rdfEntry(item, index, base)) };
    case 'json':
      return { format: 'json', title: textOfTitle(parsed.feed.title ?? ''), link: absolute(parsed.feed.home_page_url, base), entries: (parsed.feed.items ?? []).map((item, index) => jsonEntry(item, index, base)) };
  }
}

function rssEntry(item: RssFeed.Item<string>, index: number, base: string): FeedEntry {
  const guid = clean(item.guid?.value);
  // A guid that is a permalink (the default) is the item's address when it has no <link>.
  const permalink = item.guid?.isPermaLink !== false ? guid : null;
  return {
    guid,
    link: absolute(item.link, base) ?? absolute(permalink, base),
    title: textOfTitle(item.title ?? ''),
    summary: summaryOf(item.description, item.content?.encoded),
    author: first(item.authors?.map((a) => a.name || a.email), item.dc?.creators),
    categories: [...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])].map(clean).filter((c): c is string => c !== null),
    publishedAt: dateOf(item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.created?.[0] ?? item.dcterms?.issued?.[0]),
    index,
  };
}

function atomEntry(entry: AtomFeed.Entry<string>, index: number, base: string): FeedEntry {
  const content = entry.content?.src ? undefined : entry.content;
  return {
    guid: clean(entry.id),
    link: absolute(alternateLink(entry.links), base),
    title: atomText(entry.title),
    summary: entry.summary ? textOf(entry.summary) : content?.value ? textOf({ value: content.value, type: content.type }) : '',
    author: first(entry.authors?.map((a) => a.name), entry.dc?.creators),
    categories: (entry.categories ?? []).map((c) => clean(c.label) ?? clean(c.term)).filter((c): c is string => c !== null),
    publishedAt: dateOf(entry.published ?? entry.updated),
    index,
  };
}

function rdfEntry(item: RdfFeed.Item<string>, index: number, base: string): FeedEntry {
  return {
    guid: clean(item.rdf?.about),
    link: absolute(item.link, base) ?? absolute(item.rdf?.about, base),
    title: textOfTitle(item.title ?? ''),
    summary: summaryOf(item.description, item.content?.encoded),
    author: first(item.dc?.creators),
    categories: (item.dc?.subjects ?? []).map(clean).filter((c): c is string => c !== null),
    publishedAt: dateOf(item.dc?.dates?.[0]),
    index,
  };
}

function jsonEntry(item: JsonFeed.Item<string>, index: number, base: string): FeedEntry {
  return {
    guid: clean(item.id),
    link: absolute(item.url ?? item.external_url, base),
    title: textOfTitle(item.title ?? ''),
    summary: limit(item.summary?.trim() || item.content_text?.replace(/\s+/g, ' ').trim() || htmlToPlainText(item.content_html ?? '')),
    author: first(item.authors?.map((a) => a.name)),
    categories: (item.tags ?? []).map(clean).filter((c): c is string => c !== null),
    publishedAt: dateOf(item.date_published ?? item.date_modified),
    index,
  };
}

/**
 * What identifies an item for ever: its GUID, or its link when it has none,
 * hashed (a GUID may be longer than an index entry allows). An item with
 * neither is known by its title and date.
 */
export function guidKeyOf(entry: Pick<FeedEntry, 'guid' | 'link' | 'title' | 'publishedAt'>): string {
  const identity = entry.guid ? `guid:${entry.guid}` : entry.link ? `link:${entry.link}` : `item:${entry.title}\u0000${entry.publishedAt ?? ''}`;
  return createHash('sha256').update(identity).digest('hex');
}

/** The newest entry: by date when the feed dates its items, otherwise the first in the document. */
export function latestEntry(entries: FeedEntry[]): FeedEntry | null {
  if (entries.length === 0) return null;
  return [...entries].sort(newestFirst)[0];
}

/** Newest first: dated entries by date, undated ones in document order after them (feeds list newest first). */
export function newestFirst(a: FeedEntry, b: FeedEntry): number {
  if (a.publishedAt !== null && b.publishedAt !== null && a.publishedAt !== b.publishedAt) return b.publishedAt - a.publishedAt;
  if (a.publishedAt !== null && b.publishedAt === null) return -1;
  if (a.publishedAt === null && b.publishedAt !== null) return 1;
  return a.index - b.index;
}

function summaryOf(description: string | undefined, encoded: string | undefined): string {
  return limit(htmlToPlainText(description ?? '') || htmlToPlainText(encoded ?? ''));
}

function atomText(text: AtomFeed.Text | undefined): string {
  if (!text) return '';
  return text.type === 'html' || text.type === 'xhtml' ? htmlToPlainText(text.value) : textOfTitle(text.value);
}

function textOf(text: { value: string; type?: string }): string {
  // Atom's "text" type is plain; anything else (html, xhtml, or a media type) is read as markup.
  return limit(text.type === undefined || text.type === 'text' ? text.value.replace(/\s+/g, ' ').trim() : htmlToPlainText(text.value));
}

function alternateLink(links: Array<{ href?: string; rel?: string; type?: string }> | undefined): string | undefined {
  const alternates = (links ?? []).filter((link) => link.href && (link.rel === undefined || link.rel === 'alternate'));
  return (alternates.find((link) => !link.type || link.type.includes('html')) ?? alternates[0])?.href;
}

/** An absolute http(s) URL, relative ones resolved against the feed's address; anything else is no link. */
function absolute(value: string | null | undefined, base: string): string | null {
  const text = value?.trim();
  if (!text) return null;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function dateOf(value: string | undefined): number | null {
  if (!value) return null;
  const at = Date.parse(value.trim());
  return Number.isFinite(at) ? at : null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function first(...lists: Array<Array<string | undefined> | undefined>): string {
  for (const list of lists) for (const value of list ?? []) if (clean(value)) return clean(value)!;
  return '';
}

function limit(text: string): string {
  return text.length > maxSummary ? text.slice(0, maxSummary) : text;
}
