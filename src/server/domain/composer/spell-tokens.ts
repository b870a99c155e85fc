// The words of a post worth spell-checking, with where they are. Skipped:
// links and bare domains, e-mail addresses (found by linkify-it, the link
// finder markdown-it uses, with the full list of top-level domains), @mentions (also Mastodon's @name@instance),
// #hashtags, template placeholders like {{first_name}}, emoji and anything
// with a digit (prices, times, « 3e »). Words come from the platform's own
// word segmentation (Intl.Segmenter), so accented letters and apostrophes
// inside a word stay in it.
import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds' with { type: 'json' };
import type { SpellLanguage } from '../../../shared/composer/kit-types.ts';

export interface SpellToken {
  /** UTF-16 index into the text. */
  offset: number;
  length: number;
  word: string;
  /** The word as segmented, elision included (« L'Oréal » for the word « Oréal »). */
  whole: string;
}

// Bare domains too (relais.app, boutique.shop), with every top-level domain there is.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true }).tlds(tlds);
const mention = /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_.-]*[\p{L}\p{N}_](?:@[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?/gu;
const hashtag = /(?<![\p{L}\p{N}_&])#[\p{L}\p{M}\p{N}_]+/gu;
const placeholder = /\{\{[^{}\n]*\}\}/gu;
// French elision: l’, d’, qu’, jusqu’… is written onto the next word; the word is what gets checked.
const elision = /^(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])['’]/iu;
const segmenters: Record<SpellLanguage, Intl.Segmenter> = {
  fr: new Intl.Segmenter('fr', { granularity: 'word' }),
  en: new Intl.Segmenter('en', { granularity: 'word' }),
};

/** Spans of the text that are not prose: links, addresses, mentions, hashtags, placeholders. */
export function skippedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const link of linkify.match(text) ?? []) spans.push([link.index, link.lastIndex]);
  for (const pattern of [mention, hashtag, placeholder]) {
    for (const found of text.matchAll(pattern)) spans.push([found.index, found.index + found[0].length]);
  }
  return spans;
}

export function spellTokens(text: string, language: SpellLanguage): SpellToken[] {
  const spans = skippedSpans(text);
  const inSkippedSpan = (start: number, end: number) => spans.some(([from, to]) => start < to && end > from);
  const tokens: SpellToken[] = [];
  for (const segment of segmenters[language].segment(text)) {
    if (!segment.isWordLike) continue;
    const whole = segment.segment;
    let word = whole;
    let offset = segment.index;
    if (/\p{N}/u.test(word) || inSkippedSpan(offset, offset + word.length)) continue;
    if (language === 'fr') {
      const elided = elision.exec(word);
      if (elided) {
        word = word.slice(elided[0].length);
        offset += elided[0].length;
      }
    }
    // Single letters are initials or list markers more often than typos.
    if ([...word].length < 2) continue;
    tokens.push({ offset, length: word.length, word, whole });
  }
  return tokens;
}
