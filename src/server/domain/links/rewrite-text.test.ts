import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findWebLinks } from '../../../shared/short-links.ts';
import { countTextLength } from '../../../shared/composer/limits.ts';
import { rewriteLinks } from './rewrite-text.ts';

const bluesky = { maxLength: 300, urlLength: null };
const mastodon = { maxLength: 500, urlLength: 23 };

describe('putting replacements into a text', () => {
  test('every occurrence of each link is replaced, the rest of the text as written', () => {
    const text = 'Nouveautés https://a.example/x et https://b.example/y, encore https://a.example/x !';
    const out = rewriteLinks(text, findWebLinks(text), new Map([['https://a.example/x', 'https://r.test/l/AAAAAAA'], ['https://b.example/y', 'https://b.example/y?utm_source=bluesky']]), bluesky);
    assert.equal(out, 'Nouveautés https://r.test/l/AAAAAAA et https://b.example/y?utm_source=bluesky, encore https://r.test/l/AAAAAAA !');
  });

  test('a text that fits as written still fits: the links that grew most go back to how they were written, one at a time', () => {
    const short = 'https://a.fr';
    const long = 'https://example.com/une-page-au-nom-assez-long';
    const filler = 'é'.repeat(300 - 2 - short.length - long.length);
    const text = `${short} ${long} ${filler}`;
    assert.equal(countTextLength(text, bluesky), 300);
    const grownShort = 'https://relais.example.org/l/AAAAAAA';
    const shortenedLong = 'https://relais.example.org/l/BBBBBBB';
    const out = rewriteLinks(text, findWebLinks(text), new Map([[short, grownShort], [long, shortenedLong]]), bluesky);
    assert.equal(out, `${short} ${shortenedLong} ${filler}`, 'the link that grew goes back; the one that shrank keeps its short link');
    assert.ok(countTextLength(out, bluesky) <= 300);
  });

  test('UTM parameters that would overflow Bluesky are left out of the links that cannot carry them', () => {
    const a = 'https://shop.example/a';
    const b = 'https://shop.example/b';
    const utm = (url: string) => `${url}?utm_source=bluesky&utm_medium=social&utm_campaign=x`;
    const text = `${a} ${b} ${'x'.repeat(300 - 2 - a.length - b.length - 40)}`;
    const out = rewriteLinks(text, findWebLinks(text), new Map([[a, utm(a)], [b, utm(b)]]), bluesky);
    assert.ok(countTextLength(out, bluesky) <= 300);
    assert.ok(out.startsWith(`${a} ${b} `), 'both back as written: either alone is too long');
    const roomy = `${a} ${b}`;
    assert.equal(rewriteLinks(roomy, findWebLinks(roomy), new Map([[a, utm(a)], [b, utm(b)]]), bluesky), `${utm(a)} ${utm(b)}`);
  });

  test('Mastodon counts every link as 23 characters: nothing to give back', () => {
    const text = `https://a.fr ${'x'.repeat(480)}`;
    assert.equal(rewriteLinks(text, findWebLinks(text), new Map([['https://a.fr', 'https://relais.example.org/l/AAAAAAA']]), mastodon), `https://relais.example.org/l/AAAAAAA ${'x'.repeat(480)}`);
  });

  test('a text already too long as written is rewritten anyway (the network refuses it in its own words)', () => {
    const text = `https://a.fr ${'x'.repeat(300)}`;
    assert.equal(rewriteLinks(text, findWebLinks(text), new Map([['https://a.fr', 'https://r.test/l/AAAAAAA']]), bluesky), `https://r.test/l/AAAAAAA ${'x'.repeat(300)}`);
  });
});
