// What a network accepts in one post, and how it counts a text's length. The
// composer checks these while a person types; the server checks them again
// before anything is scheduled; connectors check them once more before sending.

/** Limits the composer checks while a person types (and the server again before scheduling). */
export interface ComposerLimits {
  /** Maximum text length, counted the way the network counts it. */
  maxLength: number;
  /** Bluesky counts graphemes; Mastodon counts characters with every URL as `urlLength`. */
  lengthUnit: 'graphemes' | 'characters';
  /** Length a URL counts for, when the network shortens links in its count. */
  urlLength: number | null;
  maxImages: number;
  maxVideos: number;
  imageTypes: string[];
  maxImageBytes: number;
  maxAltTextLength: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Below U+0300 (ASCII, Latin-1, Latin Extended, IPA and spacing modifiers), in the general punctuation
 * (dashes, curly quotes, ellipsis; not the joiners and separators around them) and among the currency
 * signs, there is no combining mark, joiner or emoji modifier: every character is a grapheme of its own,
 * except CR LF, which is one. Most posts (French and English text) are counted without the segmenter,
 * several times faster.
 */
// eslint-disable-next-line no-control-regex -- control characters are graphemes of their own too
const ownGraphemesOnly = /^[\u0000-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*$/;

export function graphemeCount(text: string): number {
  if (ownGraphemesOnly.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/**
 * The length a network gives a text. Both networks count grapheme clusters
 * (an emoji with skin tone is one); Mastodon (StatusLengthValidator) counts
 * every URL as `urlLength` and a remote mention `@user@domain` as `@user`.
 */
export function countTextLength(text: string, limits: Pick<ComposerLimits, 'urlLength'>): number {
  if (limits.urlLength === null) return graphemeCount(text);
  const countable = text
    .replace(/(^|[^\w@/])@([\w.-]*\w)@[\w.-]+\w(?::\d+)?/g, '$1@$2')
    .replace(/https?:\/\/[^\s<>"]+/g, 'x'.repeat(limits.urlLength));
  return graphemeCount(countable);
}
