import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeVisit } from './visit.ts';

const chrome = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('what a click keeps', () => {
  test('a person: browser family and referring host only', () => {
    assert.deepEqual(describeVisit(chrome, 'https://bsky.app/profile/brand.test/post/3k?x=secret'), { bot: false, userAgentFamily: 'Chrome', referrerHost: 'bsky.app' });
    assert.deepEqual(describeVisit(iphone, undefined), { bot: false, userAgentFamily: 'Safari', referrerHost: null });
  });

  test('crawlers, link-preview fetchers, scripts and requests without a user agent are bots', () => {
    assert.equal(describeVisit('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', undefined).bot, true);
    assert.equal(describeVisit('Bluesky Cardyb/1.1', undefined).bot, true);
    assert.equal(describeVisit('curl/8.5.0', undefined).bot, true);
    assert.equal(describeVisit(undefined, undefined).bot, true);
    assert.equal(describeVisit('', undefined).userAgentFamily, null);
  });

  test('a referrer that is not a web address is dropped', () => {
    assert.equal(describeVisit(chrome, 'android-app://com.example').referrerHost, null);
    assert.equal(describeVisit(chrome, 'not a url').referrerHost, null);
  });
});
