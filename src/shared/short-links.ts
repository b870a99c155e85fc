// Relais' own short links: `<base URL>/l/<code>` redirects to a post's link
// (with its campaign's UTM parameters) and counts the clicks. The server
// rewrites a post's web links just before sending it; the composer uses the
// same link finder to show the length the post will have once rewritten.
import { LinkifyIt } from 'linkify-it';

/** Seven characters of base58 (no 0/O, no I/l): ~2 × 10¹² codes, none two people could read differently. */
export const shortCodeLength = 7;
export const shortCodeAlphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const shortCodePattern = /^[1-9A-HJ-NP-Za-km-z]{7}$/;

/** Only addresses written with http:// or https://: a bare "boutique.fr" in a sentence is prose, not a link to rewrite. */
const finder = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

export interface WebLink {
  /** UTF-16 offsets of the link in the text. */
  start: number;
  end: number;
  /** The link as written. */
  url: string;
}

/** The http(s) links of a text, in order (trailing punctuation left out, as networks do). */
export function findWebLinks(text: string): WebLink[] {
  return (finder.match(text) ?? [])
    .filter((match) => match.schema === 'http:' || match.schema === 'https:')
    .map((match) => ({ start: match.index, end: match.lastIndex, url: match.raw }));
}

/** The short link for a code, e.g. `https://relais.example.com/l/4fPq9Zx`. */
export function shortLinkUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/l/${code}`;
}

/** How many characters every short link of this Relais has (its base URL, `/l/` and the code). */
export function shortLinkLength(baseUrl: string): number {
  return shortLinkUrl(baseUrl, '').length + shortCodeLength;
}

/**
 * The text as it will be sent when "shorten links" is on, each web link
 * replaced by a short link of the real length (with a placeholder code): count
 * it with `countTextLength` to show the length the network will see.
 */
export function withShortLinks(text: string, baseUrl: string): string {
  const placeholder = shortLinkUrl(baseUrl, 'x'.repeat(shortCodeLength));
  let out = '';
  let at = 0;
  for (const link of findWebLinks(text)) {
    out += text.slice(at, link.start) + placeholder;
    at = link.end;
  }
  return out + text.slice(at);
}

/** One link of a post on one channel, with its clicks (GET …/posts/:postId/links). */
export interface PostLinkView {
  id: string;
  targetId: string;
  channelId: string;
  network: string;
  handle: string;
  /** The link as written in the post. */
  url: string;
  /** Where it leads: the link with the campaign's UTM parameters. */
  destination: string;
  /** The short link the post carries; null when the post carries the link itself (no click counting then). */
  shortUrl: string | null;
  /** Clicks by people. */
  clicks: number;
  /** Clicks by crawlers, link-preview fetchers and scripts, counted apart. */
  botClicks: number;
}

export interface PostLinksView {
  links: PostLinkView[];
  clicks: number;
  botClicks: number;
}
