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

export function graphemeCount(text: string): number {
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
