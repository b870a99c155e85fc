import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTargetContent, sentTextLength } from './validate-post.ts';
import type { ComposerLimits } from './limits.ts';

const bluesky: ComposerLimits = {
  maxLength: 300,
  lengthUnit: 'graphemes',
  urlLength: null,
  maxImages: 4,
  maxVideos: 1,
  imageTypes: ['image/jpeg', 'image/png'],
  maxImageBytes: 1_000_000,
  maxAltTextLength: 2000,
};
const base = 'https://relais.example.org';
const longLink = `https://boutique.example.fr/collections/soldes-hiver/${'produit-'.repeat(20)}?ref=newsletter`;
const content = (text: string) => ({ text, media: [], thread: [], firstReply: null });
const check = (text: string, shortLinkBaseUrl: string | null) =>
  checkTargetContent(content(text), { limits: bluesky, capabilities: ['publish.text'], requireAltText: false, media: {}, shortLinkBaseUrl }).map((issue) => issue.code);

describe('content check with short links', () => {
  test('when the workspace shortens links, a link counts as the short link that will be sent', () => {
    const text = `${'a'.repeat(200)} ${longLink}`;
    assert.ok(longLink.length > 100);
    assert.deepEqual(check(text, null), ['text_too_long'], 'as written, the long link overflows Bluesky’s 300');
    assert.deepEqual(check(text, base), [], 'shortened, it fits');
    assert.equal(sentTextLength(text, bluesky, base), 201 + `${base}/l/`.length + 7);
  });

  test('a text too long without its links stays too long', () => {
    assert.deepEqual(check(`${'a'.repeat(301)} ${longLink}`, base), ['text_too_long']);
  });
});
