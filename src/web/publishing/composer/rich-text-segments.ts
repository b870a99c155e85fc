// Where a post's text has links, @mentions and #hashtags, as each network
// finds them: Bluesky turns bare domains into links; Mastodon only addresses
// with http(s). Links win over what they contain (an @ inside a URL).
import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds' with { type: 'json' };

const fuzzy = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false }).tlds(tlds);
const strict = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
const mention = /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_.-]*[\p{L}\p{N}_](?:@[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?/gu;
const hashtag = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*/gu;

export type Segment = { kind: 'text' | 'link' | 'mention' | 'hashtag'; text: string; href?: string };

/** Splits a text into plain runs, links, mentions and hashtags (links win over what they contain). */
export function segmentText(text: string, bareDomains: boolean): Segment[] {
  const spans: Array<{ start: number; end: number; kind: Segment['kind']; href?: string }> = [];
  for (const link of (bareDomains ? fuzzy : strict).match(text) ?? []) spans.push({ start: link.index, end: link.lastIndex, kind: 'link', href: link.url });
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  for (const [pattern, kind] of [[mention, 'mention'], [hashtag, 'hashtag']] as const) {
    for (const found of text.matchAll(pattern)) {
      const start = found.index;
      const end = start + found[0].length;
      if (free(start, end)) spans.push({ start, end, kind });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) segments.push({ kind: 'text', text: text.slice(at, span.start) });
    segments.push({ kind: span.kind, text: text.slice(span.start, span.end), href: span.href });
    at = span.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

/** "example.com/a-very-long-pa…", as both networks show long links. */
export function shortLink(text: string, max = 30): string {
  const bare = text.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare;
}
