// Puts each link's replacement (short link, or link with UTM parameters) into
// a text. On a network that counts links at their full length (Bluesky), a
// text that fitted as written could overflow once rewritten: then the links
// that grew the most go back to how they were written, one at a time, until it
// fits. The result depends only on its inputs, so a retry sends the same text.
import { countTextLength, type ComposerLimits } from '../../../shared/composer/limits.ts';
import type { WebLink } from '../../../shared/short-links.ts';

export type LengthLimits = Pick<ComposerLimits, 'maxLength' | 'urlLength'>;

/** `replacements`: the text to put in place of each link, by the link as written (links without one stay). */
export function rewriteLinks(text: string, links: readonly WebLink[], replacements: ReadonlyMap<string, string>, limits: LengthLimits | null): string {
  const build = (kept: ReadonlySet<number>) => {
    let out = '';
    let at = 0;
    links.forEach((link, index) => {
      out += text.slice(at, link.start) + (kept.has(index) ? link.url : (replacements.get(link.url) ?? link.url));
      at = link.end;
    });
    return out + text.slice(at);
  };
  const rewritten = build(new Set());
  if (!limits) return rewritten;
  const fits = (candidate: string) => countTextLength(candidate, limits) <= limits.maxLength;
  // A text already too long as written is the network's to refuse, with its own words.
  if (fits(rewritten) || !fits(text)) return rewritten;
  const growth = (link: WebLink) => countTextLength(replacements.get(link.url) ?? link.url, limits) - countTextLength(link.url, limits);
  const order = links
    .map((link, index) => ({ index, grew: growth(link) }))
    .filter((entry) => entry.grew > 0)
    .sort((a, b) => b.grew - a.grew || b.index - a.index);
  const kept = new Set<number>();
  for (const { index } of order) {
    kept.add(index);
    const candidate = build(kept);
    if (fits(candidate)) return candidate;
  }
  return build(kept);
}
