// CSV dates are wall-clock times in the workspace's zone (or ISO instants with
// an offset); the export writes them back so that they read to the same instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCsvDate, parseCsvDate } from './csv-dates.ts';

const paris = 'Europe/Paris';
const utc = (iso: string) => Date.parse(iso);

test('every documented form of 09:00 in Paris, either side of the spring change', () => {
  for (const form of ['2027-03-29 09:00', '2027-03-29 9:00', '2027-03-29 09:00:00', '2027-03-29T09:00', '29/03/2027 09:00', '29/3/2027 9:00', '29/03/2027 09:00:00', '2027-03-29T09:00:00+02:00', '2027-03-29T07:00:00Z']) {
    assert.equal(parseCsvDate(form, paris), utc('2027-03-29T07:00:00Z'), form);
  }
  assert.equal(parseCsvDate('27/03/2027 09:00', paris), utc('2027-03-27T08:00:00Z'));
  assert.equal(parseCsvDate('  2027-03-29   09:00 ', paris), utc('2027-03-29T07:00:00Z'), 'spaces are forgiven');
});

test('what is not a date is null: nonsense, impossible days, US order, a day without a time', () => {
  for (const value of ['tomorrow', '31/02/2027 09:00', '2027-02-30 09:00', '03/29/2027 09:00', '2027-03-29', '29/03/2027', '2027-03-29 25:00']) {
    assert.equal(parseCsvDate(value, paris), null, value);
  }
});

test('the export writes wall-clock times, with seconds only when there are some, and an offset for the hour that happens twice', () => {
  assert.equal(formatCsvDate(utc('2027-03-29T07:00:00Z'), paris), '2027-03-29 09:00');
  assert.equal(formatCsvDate(utc('2027-03-29T07:00:30Z'), paris), '2027-03-29 09:00:30');
  // 31 October 2027: 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time).
  const twice = [utc('2027-10-31T00:30:00Z'), utc('2027-10-31T01:30:00Z')];
  const written = twice.map((at) => formatCsvDate(at, paris));
  assert.deepEqual(written.map((text) => parseCsvDate(text, paris)), twice, 'both read back to their own instant');
  assert.equal(written.filter((text) => /[+-]\d{2}:\d{2}$/.test(text)).length, 1, 'the one a wall-clock time cannot name carries its offset');
});
