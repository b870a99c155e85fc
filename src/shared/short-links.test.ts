import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findWebLinks, shortCodeAlphabet, shortCodePattern, shortLinkLength, shortLinkUrl, withShortLinks } from './short-links.ts';
import { countTextLength } from './composer/limits.ts';

describe('short links (shared)', () => {
  test('only http(s) links are found: mentions, hashtags, e-mail addresses and bare domains are prose', () => {
    const text = 'Merci @alice.bsky.social et @bob@mastodon.social #printemps écrivez à contact@boutique.fr, voir boutique.fr ou www.boutique.fr. Lien : https://boutique.fr/soldes?x=1#haut, et (http://ex.com/a_(b)).';
    assert.deepEqual(findWebLinks(text).map((link) => link.url), ['https://boutique.fr/soldes?x=1#haut', 'http://ex.com/a_(b)']);
    for (const link of findWebLinks(text)) assert.equal(text.slice(link.start, link.end), link.url);
  });

  test('trailing punctuation is not part of a link', () => {
    assert.deepEqual(findWebLinks('Voir https://example.com/a. Ou https://example.com/b!').map((link) => link.url), ['https://example.com/a', 'https://example.com/b']);
  });

  test('the length of a short link, and of a text once its links are shortened', () => {
    assert.equal(shortLinkLength('https://relais.example.org'), 'https://relais.example.org/l/'.length + 7);
    assert.equal(shortLinkLength('https://relais.example.org/'), shortLinkLength('https://relais.example.org'));
    assert.equal(shortLinkUrl('https://relais.example.org/', 'abcdefg'), 'https://relais.example.org/l/abcdefg');
    const text = 'Soldes 🌿 https://boutique.example.com/une/tres/longue/page?ref=123 !';
    const preview = withShortLinks(text, 'https://relais.example.org');
    assert.equal(preview, 'Soldes 🌿 https://relais.example.org/l/xxxxxxx !');
    assert.equal(countTextLength(preview, { urlLength: null }), 'Soldes 🌿  !'.length - 1 + shortLinkLength('https://relais.example.org'));
  });

  test('codes use an alphabet without look-alikes', () => {
    for (const c of '0OIl') assert.ok(!shortCodeAlphabet.includes(c));
    assert.equal(shortCodeAlphabet.length, 58);
    assert.ok(shortCodePattern.test('4fPq9Zx'));
    assert.ok(!shortCodePattern.test('4fPq9Z0'));
    assert.ok(!shortCodePattern.test('4fPq9Zxy'));
  });
});
