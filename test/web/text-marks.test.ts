// The underlines under a text being written: runs that together are the text,
// misspellings and avoided terms marked where they stand, whatever comes first
// in the list winning an overlap, and nothing drawn outside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markRuns, textMarks } from '../../src/web/composer-kit/text-marks.ts';
import { checkBrandVoice } from '../../src/shared/composer/brand-voice.ts';

test('runs rebuild the text, with each mark where it stands', () => {
  const text = 'Merci à chaque consommateur 🙏 pour sa fidélitée !';
  const at = (word: string) => text.indexOf(word);
  const runs = markRuns(text, [
    { offset: at('fidélitée'), length: 'fidélitée'.length, kind: 'spelling' },
    { offset: at('consommateur'), length: 'consommateur'.length, kind: 'brand' },
  ]);
  assert.equal(runs.map((run) => run.text).join(''), text);
  assert.deepEqual(
    runs.filter((run) => run.kind).map((run) => [run.kind, run.text]),
    [['brand', 'consommateur'], ['spelling', 'fidélitée']],
  );
});

test('overlaps keep the first mark; empty and out-of-text marks are dropped', () => {
  const text = 'Consommateurs ravis';
  const runs = markRuns(text, [
    { offset: 0, length: 13, kind: 'brand' },
    { offset: 0, length: 13, kind: 'spelling' },
    { offset: 5, length: 0, kind: 'spelling' },
    { offset: 14, length: 40, kind: 'spelling' },
  ]);
  assert.deepEqual(runs, [{ text: 'Consommateurs', kind: 'brand' }, { text: ' ravis', kind: null }]);
  assert.deepEqual(markRuns('', [{ offset: 0, length: 1, kind: 'spelling' }]), []);
});

test('the brand voice check and the spell check give the marks, brand terms first', () => {
  const text = 'Nos consommateurs adorent';
  const findings = checkBrandVoice(text, [{ id: 'r1', kind: 'forbidden', term: 'consommateur*', suggestion: 'client', note: null, networks: null }]);
  const marks = textMarks([{ offset: 4, length: 13, word: 'consommateurs', suggestions: [] }], findings);
  assert.deepEqual(marks.map((mark) => mark.kind), ['brand', 'spelling']);
  assert.deepEqual(markRuns(text, marks).filter((run) => run.kind), [{ text: 'consommateurs', kind: 'brand' }]);
});
