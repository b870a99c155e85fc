// Links, mentions and hashtags found as each network finds them, for the previews.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText, shortLink } from './rich-text-segments.ts';

const kinds = (text: string, bare: boolean) => segmentText(text, bare).filter((s) => s.kind !== 'text').map((s) => `${s.kind}:${s.text}`);

test('mentions (also Mastodon’s @user@server), hashtags with accents, and links', () => {
  assert.deepEqual(kinds('Merci @atelier.bsky.social et @anne@mastodon.social ! #ÉtéIndien https://example.com/a?b=1', true), [
    'mention:@atelier.bsky.social',
    'mention:@anne@mastodon.social',
    'hashtag:#ÉtéIndien',
    'link:https://example.com/a?b=1',
  ]);
});

test('Bluesky links bare domains; Mastodon only addresses with a scheme', () => {
  assert.deepEqual(kinds('Voir boutique.shop', true), ['link:boutique.shop']);
  assert.deepEqual(kinds('Voir boutique.shop', false), []);
});

test('an @ or # inside a link stays part of the link; a number alone is not a hashtag', () => {
  assert.deepEqual(kinds('https://example.com/@brand#top et #1', false), ['link:https://example.com/@brand#top']);
});

test('the segments put back together are the text', () => {
  const text = 'Début #tag milieu @a.b fin https://x.org.';
  assert.equal(segmentText(text, true).map((s) => s.text).join(''), text);
});

test('long links are shortened as the networks show them', () => {
  assert.equal(shortLink('https://www.example.com/collection/printemps-2027/robe'), 'example.com/collection/printe…');
  assert.equal(shortLink('http://a.fr/x'), 'a.fr/x');
});
