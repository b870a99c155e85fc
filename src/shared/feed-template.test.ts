// A feed item rendered into a post: placeholders, hashtags from categories, and
// fitting a network's limit by shortening the summary (then the title), never
// the link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashtagsOf, renderFeedTemplate, shorten, unknownPlaceholders } from './feed-template.ts';
import { countTextLength } from './composer/limits.ts';
import type { FeedEntryFields } from './feeds.ts';

const bluesky = { maxLength: 300, urlLength: null };
const mastodon = { maxLength: 500, urlLength: 23 };

const item: FeedEntryFields = {
  title: 'Nouvelle collection d’été',
  link: 'https://blog.example.com/2027/collection?utm_source=rss',
  summary: 'Des lins tissés en Normandie, teints à la main.',
  author: 'Camille Martin',
  categories: ['Mode', 'Made in France'],
};

describe('placeholders', () => {
  test('every field, whatever the spacing inside the braces or the case', () => {
    const { text } = renderFeedTemplate('{{ title }} — {{AUTHOR}}\n\n{{summary}}\n{{link}} {{categories}}', item);
    assert.equal(text, 'Nouvelle collection d’été — Camille Martin\n\nDes lins tissés en Normandie, teints à la main.\nhttps://blog.example.com/2027/collection?utm_source=rss #Mode #MadeInFrance');
  });

  test('an empty field leaves no double space and no run of blank lines', () => {
    const { text } = renderFeedTemplate('{{title}} {{author}} {{link}}\n\n\n\n{{summary}}', { ...item, author: '', summary: '' });
    assert.equal(text, 'Nouvelle collection d’été https://blog.example.com/2027/collection?utm_source=rss');
  });

  test('an unknown placeholder is reported and left as typed', () => {
    assert.deepEqual(unknownPlaceholders('{{titre}} {{link}} {{ Lien }}'), ['{{titre}}', '{{ Lien }}']);
    assert.deepEqual(unknownPlaceholders('{{title}} {{link}} {{summary}} {{author}} {{categories}}'), []);
    assert.equal(renderFeedTemplate('{{titre}} {{link}}', item).text, `{{titre}} ${item.link}`);
  });
});

describe('hashtags from categories', () => {
  test('words joined in capitals, accents kept, duplicates and number-only categories left out, five at most', () => {
    assert.deepEqual(hashtagsOf(['Tech News', 'tech-news', 'café', '2027', 'C++', 'éco-conception', 'a', 'b', 'c']), ['#TechNews', '#café', '#C', '#ÉcoConception', '#a']);
    assert.deepEqual(hashtagsOf([' ', '---']), []);
  });
});

describe('fitting a network’s limit', () => {
  const long = { ...item, summary: 'Un texte. '.repeat(80).trim() };

  test('what fits is left whole', () => {
    const result = renderFeedTemplate('{{title}} {{summary}} {{link}}', item, bluesky);
    assert.deepEqual(result, { text: `${item.title} ${item.summary} ${item.link}`, fits: true, shortened: false });
  });

  test('the summary is shortened at a word, with an ellipsis, to the longest text that fits; the link stays whole', () => {
    const result = renderFeedTemplate('{{title}}\n{{summary}}\n{{link}} {{categories}}', long, bluesky);
    assert.equal(result.fits, true);
    assert.equal(result.shortened, true);
    assert.ok(countTextLength(result.text, bluesky) <= 300, `${countTextLength(result.text, bluesky)} graphemes`);
    assert.ok(countTextLength(result.text, bluesky) >= 285, 'little room is wasted');
    assert.ok(result.text.endsWith(`\n${item.link} #Mode #MadeInFrance`), result.text);
    assert.match(result.text.split('\n')[1], /texte\.…$|Un…$|texte…$/);
  });

  test('Mastodon counts a link as 23 characters: a very long link still fits', () => {
    const longLink = `https://blog.example.com/${'chemin/'.repeat(100)}`;
    const result = renderFeedTemplate('{{title}} {{summary}} {{link}}', { ...long, link: longLink }, mastodon);
    assert.equal(result.fits, true);
    assert.ok(result.text.endsWith(longLink));
    assert.ok(countTextLength(result.text, mastodon) <= 500);
  });

  test('when even an empty summary is too long, the title is shortened; then hashtags are dropped', () => {
    const longTitle = { ...item, title: 'Titre '.repeat(60).trim(), summary: 'résumé' };
    const byTitle = renderFeedTemplate('{{title}} {{summary}} {{link}}', longTitle, bluesky);
    assert.equal(byTitle.fits, true);
    assert.ok(byTitle.text.endsWith(` ${item.link}`));
    assert.match(byTitle.text, /^Titre .*…/);
    assert.doesNotMatch(byTitle.text, /résumé/);

    const manyTags = { ...item, title: '', summary: '', categories: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccccccccccccccccccccc'] };
    const byTags = renderFeedTemplate(`${'x'.repeat(150)} {{link}} {{categories}}`, manyTags, bluesky);
    assert.equal(byTags.fits, true);
    assert.ok(byTags.text.includes(item.link));
    assert.ok(byTags.text.includes('#aaaa') && !byTags.text.includes('#cccc'), byTags.text);
  });

  test('a template longer than the limit on its own does not fit (the link is never cut to make it fit)', () => {
    const result = renderFeedTemplate(`${'x'.repeat(290)} {{link}}`, item, bluesky);
    assert.equal(result.fits, false);
    assert.ok(result.text.endsWith(item.link));
  });
});

describe('shorten', () => {
  test('at a word boundary, trailing punctuation dropped, ellipsis added; nothing for zero', () => {
    assert.equal(shorten('Bonjour tout le monde, ici Paris', 20), 'Bonjour tout le…');
    assert.equal(shorten('Court', 10), 'Court');
    assert.equal(shorten('Anything', 0), '');
    assert.equal(shorten('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 2), '👩‍👩‍👧‍👦…', 'graphemes are never split');
  });
});
