import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { addBusinessMs, businessMsBetween } from './business-hours.ts';
import type { BusinessHours } from '../../../shared/inbox.ts';

const weekdays: BusinessHours = { alwaysOpen: false, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })) };
const paris = 'Europe/Paris';
const at = (local: string, zone = paris) => DateTime.fromISO(local, { zone }).toMillis();
const local = (ms: number, zone = paris) => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd'T'HH:mm");
const HOUR = 3_600_000;

describe('business hours', () => {
  test('a message on Friday at 17:30 with a one-hour target is due on Monday at 09:30', () => {
    assert.equal(local(addBusinessMs(at('2026-11-20T17:30'), HOUR, weekdays, paris)), 'Mon 2026-11-23T09:30');
    assert.equal(businessMsBetween(at('2026-11-20T17:30'), at('2026-11-23T09:30'), weekdays, paris), HOUR);
  });

  test('nights and weekends do not count; arriving at night, counting starts at opening', () => {
    assert.equal(local(addBusinessMs(at('2026-11-24T23:00'), 30 * 60_000, weekdays, paris)), 'Wed 2026-11-25T09:30');
    assert.equal(businessMsBetween(at('2026-11-21T10:00'), at('2026-11-22T20:00'), weekdays, paris), 0, 'a weekend');
    assert.equal(businessMsBetween(at('2026-11-24T12:00'), at('2026-11-24T11:00'), weekdays, paris), 0, 'end before start');
  });

  test('a 09:00–18:00 day is nine hours on both daylight-saving change days', () => {
    const everyDay: BusinessHours = { alwaysOpen: false, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })) };
    // Clocks go forward on 29 March 2026 and back on 25 October 2026 in Paris.
    assert.equal(businessMsBetween(at('2026-03-29T00:00'), at('2026-03-30T00:00'), everyDay, paris), 9 * HOUR);
    assert.equal(businessMsBetween(at('2026-10-25T00:00'), at('2026-10-26T00:00'), everyDay, paris), 9 * HOUR);
    assert.equal(local(addBusinessMs(at('2026-03-28T17:00'), 2 * HOUR, everyDay, paris)), 'Sun 2026-03-29T10:00');
  });

  test('several ranges a day, a late close, other zones, and around the clock', () => {
    const lunch: BusinessHours = { alwaysOpen: false, days: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 2, start: '14:00', end: '24:00' }] };
    assert.equal(businessMsBetween(at('2026-11-24T08:00'), at('2026-11-25T08:00'), lunch, paris), 13 * HOUR);
    assert.equal(local(addBusinessMs(at('2026-11-24T11:30'), HOUR, lunch, paris)), 'Tue 2026-11-24T14:30');
    const ny = 'America/New_York';
    assert.equal(local(addBusinessMs(at('2026-11-20T17:30', ny), HOUR, weekdays, ny), ny), 'Mon 2026-11-23T09:30');
    assert.equal(addBusinessMs(1_000, HOUR, { alwaysOpen: true, days: [] }, paris), 1_000 + HOUR);
    assert.equal(addBusinessMs(1_000, HOUR, { alwaysOpen: false, days: [] }, paris), 1_000 + HOUR, 'no hours at all: every hour counts');
  });
});
