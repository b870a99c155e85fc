// Mastodon gives a status's text as HTML (`content`): paragraphs, line breaks,
// links split into visible and "invisible" spans, mentions as links. Relais
// shows and compares plain text, so it is turned back here.
import { countTextLength } from '../../../shared/composer/limits.ts';

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of a status's HTML content: paragraphs become blank lines, <br> a line break, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text).trim();
}

/**
 * Text as two versions of it should compare: line endings and runs of
 * spaces unified, mentions of remote accounts (`@user@domain`, which Mastodon
 * shows as `@user`) cut to their user name, and outer spaces dropped.
 */
export function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/(^|[^\w@])@([\w.-]+)@[\w.-]+\w(?::\d+)?/g, '$1@$2')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The length Mastodon gives a text (StatusLengthValidator): grapheme clusters,
 * every URL counted as `urlLength`, a remote mention `@user@domain` as `@user`.
 */
export function countLength(text: string, urlLength: number | null): number {
  return countTextLength(text, { urlLength });
}

/**
 * A reply's text without the mentions Mastodon's apps put in front of it to
 * address the people replied to (`@brand @fan Thanks!` → `Thanks!`): on
 * Mastodon they are how a reply reaches its audience, not what the person
 * wrote, and Relais shows replies as Bluesky's are shown. Only a leading run
 * of mentions of accounts the status mentions goes; a text made of nothing
 * else is kept whole.
 */
export function withoutReplyMentions(text: string, mentioned: Array<{ username: string; acct: string }>): string {
  const names = new Set(mentioned.flatMap((mention) => [mention.acct.toLowerCase(), mention.username.toLowerCase()]));
  let rest = text;
  for (;;) {
    const match = /^@([\w.-]*\w(?:@[\w.-]+\w(?::\d+)?)?)\s+/.exec(rest);
    if (!match) break;
    const name = match[1].toLowerCase();
    if (!names.has(name) && !names.has(name.split('@')[0])) break;
    rest = rest.slice(match[0].length);
  }
  return rest.trim() === '' ? text : rest;
}
