import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUtm, campaignUtm } from './utm.ts';

const utm = { utm_source: 'bluesky', utm_medium: 'social', utm_campaign: 'printemps' };

describe('UTM parameters', () => {
  test('appended to a link without a query', () => {
    assert.equal(addUtm('https://example.com/collection', utm), 'https://example.com/collection?utm_source=bluesky&utm_medium=social&utm_campaign=printemps');
  });

  test('merged into an existing query, which stays as written', () => {
    assert.equal(addUtm('https://example.com/p?id=42&color=vert', utm), 'https://example.com/p?id=42&color=vert&utm_source=bluesky&utm_medium=social&utm_campaign=printemps');
    assert.equal(addUtm('https://example.com/p?', utm), 'https://example.com/p?utm_source=bluesky&utm_medium=social&utm_campaign=printemps');
    assert.equal(addUtm('https://example.com/p?a=1&', utm), 'https://example.com/p?a=1&utm_source=bluesky&utm_medium=social&utm_campaign=printemps');
  });

  test('parameters already in the link are never replaced (whatever their case); only the missing ones are added', () => {
    assert.equal(addUtm('https://example.com/?utm_source=newsletter', utm), 'https://example.com/?utm_source=newsletter&utm_medium=social&utm_campaign=printemps');
    assert.equal(addUtm('https://example.com/?UTM_MEDIUM=email&utm_source=x&utm_campaign=y', utm), 'https://example.com/?UTM_MEDIUM=email&utm_source=x&utm_campaign=y');
  });

  test('the fragment stays at the end', () => {
    assert.equal(addUtm('https://example.com/faq#livraison', utm), 'https://example.com/faq?utm_source=bluesky&utm_medium=social&utm_campaign=printemps#livraison');
    assert.equal(addUtm('https://example.com/faq?q=1#a?b=c', utm), 'https://example.com/faq?q=1&utm_source=bluesky&utm_medium=social&utm_campaign=printemps#a?b=c');
  });

  test('values are encoded', () => {
    assert.equal(addUtm('https://example.com', { utm_source: 'bluesky', utm_medium: 'social', utm_campaign: 'Soldes d’été & co' }), 'https://example.com?utm_source=bluesky&utm_medium=social&utm_campaign=Soldes+d%E2%80%99%C3%A9t%C3%A9+%26+co');
  });

  test("a campaign's empty fields default to the network, 'social' and the campaign's name", () => {
    assert.deepEqual(campaignUtm({ name: 'Printemps', utm_source: null, utm_medium: ' ', utm_campaign: '' }, 'mastodon'), { utm_source: 'mastodon', utm_medium: 'social', utm_campaign: 'Printemps' });
    assert.deepEqual(campaignUtm({ name: 'Printemps', utm_source: 'partner', utm_medium: 'paid', utm_campaign: 'spring-26' }, 'bluesky'), { utm_source: 'partner', utm_medium: 'paid', utm_campaign: 'spring-26' });
  });
});
