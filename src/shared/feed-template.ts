// Renders a feed item into a post's text from its template ("{{title}} {{link}}"),
// fitted to a network's length limit. Pure, so the Feeds page previews exactly
// what the server will post. When the text is too long the summary is cut
// first (at a word, with "…"), then the title, then hashtags are dropped from
// the end; the link is never cut: a truncated link would lead nowhere.
import { countTextLength, graphemeCount, type ComposerLimits } from './composer/limits.ts';
import type { FeedEntryFields } from './feeds.ts';

export const feedPlaceholders = ['title', 'link', 'summary', 'author', 'categories'] as const;
export type FeedPlaceholder = (typeof feedPlaceholders)[number];

/** More hashtags than this reads as spam; a blog's long tag lists are cut. */
export const maxFeedHashtags = 5;

const placeholder = /\{\{\s*([a-z_]+)\s*\}\}/gi;
const ellipsis = '…';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface RenderedFeedPost {
  text: string;
  /** Within the limit (always true without one). */
  fits: boolean;
  /** The summary or the title was shortened, or hashtags dropped, to fit. */
  shortened: boolean;
}

/** Placeholders in the template that Relais does not know (shown as typed, so a typo is visible). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(placeholder)) {
    if (!(feedPlaceholders as readonly string[]).includes(match[1].toLowerCase())) unknown.add(match[0]);
  }
  return [...unknown];
}

/** "Tech News" → "#TechNews", "café" → "#café"; categories without a letter ("2024") make no hashtag. */
export function toHashtag(category: string): string | null {
  const words = category.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  if (words.length === 0 || !words.some((word) => /\p{L}/u.test(word))) return null;
  const joined = words.length === 1 ? words[0] : words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join('');
  return `#${joined}`;
}

export function hashtagsOf(categories: string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const category of categories) {
    const tag = toHashtag(category);
    if (!tag || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    tags.push(tag);
    if (tags.length === maxFeedHashtags) break;
  }
  return tags;
}

/** The first `count` graphemes, cut back to the last word when that loses little, with "…"; empty for 0. */
export function shorten(text: string, count: number): string {
  if (count <= 0) return '';
  const graphemes = [...segmenter.segment(text)].map((s) => s.segment);
  if (graphemes.length <= count) return text;
  let cut = graphemes.slice(0, Math.max(0, count - 1)).join('');
  const space = cut.search(/\s\S*$/);
  if (space > 0 && cut.length - space < 25) cut = cut.slice(0, space);
  cut = cut.replace(/[\s,;:.!?–—-]+$/u, '');
  return cut === '' ? '' : cut + ellipsis;
}

function fill(template: string, values: Record<FeedPlaceholder, string>): string {
  const filled = template.replace(placeholder, (whole, name: string) => {
    const key = name.toLowerCase() as FeedPlaceholder;
    return key in values ? values[key] : whole;
  });
  // An empty value leaves doubled spaces or blank lines behind; tidy them, keep the template's own line breaks.
  return filled
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The post's text for one item. With `limits`, fitted to the network's maximum
 * length as the network counts it (Mastodon counts every link as 23).
 */
export function renderFeedTemplate(template: string, entry: FeedEntryFields, limits?: Pick<ComposerLimits, 'maxLength' | 'urlLength'>): RenderedFeedPost {
  let tags = hashtagsOf(entry.categories);
  const values = (summary: string, title: string): Record<FeedPlaceholder, string> => ({
    title,
    link: entry.link,
    summary,
    author: entry.author,
    categories: tags.join(' '),
  });
  const full = fill(template, values(entry.summary, entry.title));
  if (!limits) return { text: full, fits: true, shortened: false };
  const fits = (text: string) => countTextLength(text, limits) <= limits.maxLength;
  if (fits(full)) return { text: full, fits: true, shortened: false };

  // The longest prefix of `field` that fits, found by halving (longer prefixes never make the text shorter).
  const longestFitting = (length: number, render: (count: number) => string): string | null => {
    let low = 0;
    let high = length;
    let best: string | null = fits(render(0)) ? render(0) : null;
    if (best === null) return null;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      const text = render(middle);
      if (fits(text)) {
        best = text;
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return best;
  };

  const bySummary = longestFitting(graphemeCount(entry.summary), (count) => fill(template, values(shorten(entry.summary, count), entry.title)));
  if (bySummary !== null) return { text: bySummary, fits: true, shortened: true };
  const byTitle = longestFitting(graphemeCount(entry.title), (count) => fill(template, values('', shorten(entry.title, count))));
  if (byTitle !== null) return { text: byTitle, fits: true, shortened: true };
  while (tags.length > 0) {
    tags = tags.slice(0, -1);
    const text = fill(template, values('', ''));
    if (fits(text)) return { text, fits: true, shortened: true };
  }
  return { text: fill(template, values('', '')), fits: false, shortened: true };
}
