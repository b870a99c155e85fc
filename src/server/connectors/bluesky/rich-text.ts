// Text as Bluesky counts and annotates it. Mentions, links and hashtags are
// facets: byte ranges of the UTF-8 text with what they point at. Detection is
// Bluesky's own (RichText from @atproto/api, the code its app runs), loaded on
// first use: the package brings the whole lexicon client (~0.8 s to load), and
// only publishing needs it.
import type * as Atproto from '@atproto/api';

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length in graphemes (what people see as characters; Bluesky's 300 counts these). */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

let atproto: Promise<typeof Atproto> | null = null;

/**
 * Facets for mentions, links and hashtags (and cashtags), as Bluesky's app makes
 * them. `resolveHandle` turns a mentioned handle into a DID, or null when no
 * such account exists (its mention then stays plain text, as in the app).
 */
export async function detectFacets(text: string, resolveHandle: (handle: string) => Promise<string | null>): Promise<Facet[] | undefined> {
  atproto ??= import('@atproto/api');
  const { RichText } = await atproto;
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const detected = (rich.facets ?? []) as unknown as Facet[];
  const handles = new Set<string>();
  for (const facet of detected) {
    for (const feature of facet.features) if (feature.$type === 'app.bsky.richtext.facet#mention') handles.add(feature.did.toLowerCase());
  }
  const dids = new Map<string, string | null>();
  await Promise.all([...handles].map(async (handle) => dids.set(handle, await resolveHandle(handle))));

  const facets: Facet[] = [];
  for (const facet of detected) {
    const features = facet.features.flatMap((feature): FacetFeature[] => {
      if (feature.$type !== 'app.bsky.richtext.facet#mention') return [feature];
      const did = dids.get(feature.did.toLowerCase());
      return did ? [{ $type: feature.$type, did }] : [];
    });
    if (features.length > 0) facets.push({ index: { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd }, features });
  }
  return facets.length > 0 ? facets : undefined;
}
