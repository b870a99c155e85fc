// A text's length as the networks count it: grapheme clusters, whichever way
// graphemeCount takes to find them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTextLength, graphemeCount } from './limits.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].length;

test('grapheme count: the same as the Unicode segmenter, for Latin text and for text that needs it', () => {
  const samples = [
    '',
    'Bonjour à tous !',
    'Soldes d’été : -30 % sur « tout » le rayon, ½ prix, ß, Œuvre, ʼapostrophe',
    'line one\r\nline two\r\n\r\n',
    '\r\r\n\n',
    'cafe\u0301', // e + combining acute: one grapheme
    'e\u0301\u0302',
    '👍🏽 bravo',
    '👩‍👩‍👧 famille',
    '🇫🇷🇬🇧',
    '한국어',
    'ก่า',
    'a\u200db',
    'soft\u00adhyphen',
    'Prix : 12,50 € — « soldes » d’été… ‼',
  ];
  for (const text of samples) assert.equal(graphemeCount(text), bySegmenter(text), JSON.stringify(text));
  // Every character counted without the segmenter, and those just around them: in pairs, around CR LF, before a combining mark.
  const ranges = [[0, 0x310], [0x2000, 0x2070], [0x2090, 0x20d5]];
  for (const [from, to] of ranges) {
    for (let code = from!; code < to!; code += 1) {
      const char = String.fromCharCode(code);
      for (const text of [char + char, `\r${char}\n`, `${char}\r\n${char}`, `${char}\u0301`, `${char}\u200d${char}`]) assert.equal(graphemeCount(text), bySegmenter(text), `U+${code.toString(16)}`);
    }
  }
});

test('Mastodon length: every link counts 23, a remote mention counts its local part', () => {
  const limits = { urlLength: 23 };
  assert.equal(countTextLength('Voir https://example.com/a/very/long/path?with=query', limits), 5 + 23);
  assert.equal(countTextLength('Merci @alice@mastodon.social !', limits), 'Merci @alice !'.length);
  assert.equal(countTextLength('👍🏽 https://x.fr', limits), 2 + 23);
});
