// The publishing calendar's date logic, for a Paris workspace seen from
// browsers in other time zones (New York, Tokyo, the two ends of the date
// line), on the days around the 2027 DST changes in Europe (28 March, 31
// October). Part of it runs FullCalendar's own date environment with its luxon
// plugin — the code the browser runs when an event is dropped — so a drop is
// followed from the grid to the wall-clock time sent to the server and to the
// instant the server stores.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, createDuration, DateEnv, startOfDay } from '@fullcalendar/core/internal';
import luxonPlugin from '@fullcalendar/luxon3';
import { composeAtForSlot, calendarWallClock, droppedWallClock, instantOfWallClock, openingScrollTime, parseIsoDate, wallClockOf, zonedDateOf } from '../../src/web/calendar/calendar-time.ts';
import { resolveScheduleTime } from '../../src/server/domain/publishing/schedule-time.ts';

const paris = 'Europe/Paris';
const browserZones = ['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const originalTz = process.env.TZ;
after(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Runs the rest of the test as a browser in `zone` would (Node reads TZ again when it changes). */
function browserIn(zone: string): void {
  process.env.TZ = zone;
  const parisOffset = -60; // CET, in Date#getTimezoneOffset's sign convention
  const local = new Date(Date.UTC(2027, 2, 27, 12)).getTimezoneOffset();
  assert.notEqual(local, parisOffset, `the process really runs in ${zone}`);
}

/** FullCalendar's date environment as the calendar sets it up: Paris, through the luxon plugin. */
function fullCalendarEnv(): DateEnv {
  return new DateEnv({
    timeZone: paris,
    namedTimeZoneImpl: luxonPlugin.namedTimeZonedImpl,
    calendarSystem: 'gregory',
    locale: { codeArg: 'fr', codes: ['fr'], week: { dow: 1, doy: 4 }, simpleNumberFormat: new Intl.NumberFormat('fr'), options: {} },
  } as ConstructorParameters<typeof DateEnv>[0]);
}

/** A 09:00 Paris post, as the server stores it (UTC), on each day around the changes. */
const nineInParis: Array<[string, string]> = [
  ['2027-03-27T08:00:00.000Z', '2027-03-27T09:00'], // Saturday, CET (UTC+1)
  ['2027-03-28T07:00:00.000Z', '2027-03-28T09:00'], // Sunday of the change, CEST (UTC+2)
  ['2027-03-29T07:00:00.000Z', '2027-03-29T09:00'], // Monday
  ['2027-10-30T07:00:00.000Z', '2027-10-30T09:00'], // Saturday, still CEST
  ['2027-10-31T08:00:00.000Z', '2027-10-31T09:00'], // Sunday of the change back, CET
  ['2027-11-01T08:00:00.000Z', '2027-11-01T09:00'], // Monday
];

for (const zone of browserZones) {
  describe(`a Paris workspace in a browser in ${zone}`, () => {
    test('an instant reads as the same Paris wall-clock time, and back to the same instant as the server computes', () => {
      browserIn(zone);
      for (const [instant, wall] of nineInParis) {
        assert.equal(wallClockOf(instant, paris), wall, instant);
        assert.equal(wallClockOf(new Date(instant), paris), wall, `${instant} as a Date`);
        assert.equal(instantOfWallClock(wall, paris), instant, wall);
        assert.equal(resolveScheduleTime(wall, paris), Date.parse(instant), `server: ${wall}`);
      }
    });

    test('a post just after midnight in Paris is on the Paris day, not the browser’s', () => {
      browserIn(zone);
      // 00:30 on Monday 29 March in Paris is still Sunday evening in New York, already Monday morning in Tokyo.
      assert.equal(zonedDateOf('2027-03-28T22:30:00Z', paris), '2027-03-29');
      assert.equal(zonedDateOf(new Date('2027-03-28T22:30:00Z'), paris), '2027-03-29');
      // 23:30 on Sunday 31 October in Paris (CET): Monday already in UTC.
      assert.equal(zonedDateOf('2027-10-31T22:30:00Z', paris), '2027-10-31');
      assert.equal(zonedDateOf('2027-10-31T23:30:00Z', paris), '2027-11-01');
    });

    test('FullCalendar puts a post in the Paris day’s cell', () => {
      browserIn(zone);
      const env = fullCalendarEnv();
      const day = (iso: string) => env.formatIso(startOfDay(env.createMarker(iso)!), { omitTime: true });
      assert.equal(day('2027-03-28T22:30:00Z'), '2027-03-29');
      assert.equal(day('2027-03-29T07:00:00Z'), '2027-03-29');
      assert.equal(day('2027-03-27T23:30:00Z'), '2027-03-28');
      assert.equal(day('2027-10-31T23:30:00Z'), '2027-11-01');
    });

    test('a post dropped days later over a DST change keeps its Paris hour (month view: the day moves, the time stays)', () => {
      browserIn(zone);
      const env = fullCalendarEnv();
      const moves: Array<[string, number, string, string]> = [
        // from (UTC), days moved, wall-clock sent, instant the server stores
        ['2027-03-27T08:00:00Z', 2, '2027-03-29T09:00', '2027-03-29T07:00:00.000Z'],
        ['2027-03-29T07:00:00Z', -2, '2027-03-27T09:00', '2027-03-27T08:00:00.000Z'],
        ['2027-03-27T08:00:00Z', 1, '2027-03-28T09:00', '2027-03-28T07:00:00.000Z'],
        ['2027-10-30T07:00:00Z', 2, '2027-11-01T09:00', '2027-11-01T08:00:00.000Z'],
        ['2027-10-30T07:00:00Z', 1, '2027-10-31T09:00', '2027-10-31T08:00:00.000Z'],
      ];
      for (const [from, days, wall, stored] of moves) {
        const moved = addDays(env.createMarker(from)!, days);
        const event = { startStr: env.formatIso(moved), start: env.toDate(moved) };
        assert.equal(droppedWallClock(event, paris), wall, `${from} + ${days} days`);
        assert.equal(wallClockOf(event.start, paris), wall, 'the Date FullCalendar hands over is the same instant');
        assert.equal(new Date(resolveScheduleTime(droppedWallClock(event, paris)!, paris)).toISOString(), stored);
      }
    });

    test('a post dropped in the week view lands at the slot it was dropped on', () => {
      browserIn(zone);
      const env = fullCalendarEnv();
      // Saturday 09:00 (CET) → Monday 14:30 (CEST): two days and five and a half hours on the grid.
      const moved = env.add(env.createMarker('2027-03-27T08:00:00Z')!, createDuration({ days: 2, hours: 5, minutes: 30 })!);
      assert.equal(droppedWallClock({ startStr: env.formatIso(moved), start: env.toDate(moved) }, paris), '2027-03-29T14:30');
    });

    test('a drop on a time the spring change skips sends what the grid showed (the server moves it forward)', () => {
      browserIn(zone);
      const env = fullCalendarEnv();
      const skipped = addDays(env.createMarker('2027-03-27T01:30:00Z')!, 1); // 02:30 on Sunday 28 March: does not exist in Paris
      const event = { startStr: env.formatIso(skipped), start: env.toDate(skipped) };
      assert.equal(droppedWallClock(event, paris), '2027-03-28T02:30');
      // The Date alone would have said 01:30: the reason the calendar's own string is read first.
      assert.equal(wallClockOf(event.start, paris), '2027-03-28T01:30');
      assert.equal(new Date(resolveScheduleTime('2027-03-28T02:30', paris)).toISOString(), '2027-03-28T01:30:00.000Z', '03:30 CEST');
    });

    test('clicking a slot opens the composer at that Paris time; past slots open nothing', () => {
      browserIn(zone);
      const now = new Date('2027-03-29T08:07:00Z'); // 10:07 in Paris, 04:07 in New York
      assert.equal(composeAtForSlot({ dateStr: '2027-03-30' }, paris, now), '2027-03-30T09:00', 'a future day: the usual hour');
      assert.equal(composeAtForSlot({ dateStr: '2027-03-29' }, paris, now), '2027-03-29T10:15', 'today after 09:00: the next quarter hour');
      assert.equal(composeAtForSlot({ dateStr: '2027-03-28' }, paris, now), null, 'yesterday');
      assert.equal(composeAtForSlot({ dateStr: '2027-03-29T14:30:00+02:00' }, paris, now), '2027-03-29T14:30');
      assert.equal(composeAtForSlot({ dateStr: '2027-03-29T10:00:00+02:00' }, paris, now), null, 'a slot already over');
      assert.equal(composeAtForSlot({ dateStr: '2027-03-29' }, paris, new Date('2027-03-29T05:30:00Z')), '2027-03-29T09:00', '07:30 in Paris');
      // 00:30 on Tuesday in Paris, still Monday evening in New York: Monday is over for the workspace.
      assert.equal(composeAtForSlot({ dateStr: '2027-03-29' }, paris, new Date('2027-03-29T22:30:00Z')), null);
      assert.equal(composeAtForSlot({ dateStr: '2027-03-30' }, paris, new Date('2027-03-29T22:30:00Z')), '2027-03-30T09:00');
    });

    test('the time grid opens just before the Paris hour when today is shown, else at 08:00', () => {
      browserIn(zone);
      // The week of 29 March 2027, from midnight Monday to midnight Monday in Paris (CEST).
      const week = { from: '2027-03-28T22:00:00.000Z', to: '2027-04-04T22:00:00.000Z' };
      assert.equal(openingScrollTime(week, paris, new Date('2027-03-31T12:20:00Z')), '13:00:00', '14:20 in Paris');
      assert.equal(openingScrollTime(week, paris, new Date('2027-03-28T22:10:00Z')), '00:00:00', '00:10 on Monday in Paris');
      assert.equal(openingScrollTime(week, paris, new Date('2027-03-28T21:59:00Z')), '08:00:00', 'still the week before in Paris');
      assert.equal(openingScrollTime(week, paris, new Date('2027-04-04T22:00:00Z')), '08:00:00', 'the next week');
    });
  });
}

describe('calendar strings', () => {
  test('wall-clock parts of FullCalendar’s strings', () => {
    assert.deepEqual(calendarWallClock('2027-03-29T09:00:00+02:00'), { date: '2027-03-29', time: '09:00' });
    assert.deepEqual(calendarWallClock('2027-03-29T09:00:00Z'), { date: '2027-03-29', time: '09:00' });
    assert.deepEqual(calendarWallClock('2027-03-29'), { date: '2027-03-29', time: null });
    assert.equal(calendarWallClock('2027-02-30'), null);
    assert.equal(calendarWallClock('29/03/2027'), null);
    assert.equal(droppedWallClock({ startStr: '', start: new Date('2027-03-29T07:00:00Z') }, paris), '2027-03-29T09:00', 'no string: the instant in the zone');
    assert.equal(droppedWallClock({ startStr: '', start: null }, paris), null);
  });

  test('days in the address bar', () => {
    assert.equal(parseIsoDate('2027-03-29'), '2027-03-29');
    assert.equal(parseIsoDate('2027-02-29'), null);
    assert.equal(parseIsoDate('2027-3-29'), null);
    assert.equal(parseIsoDate(null), null);
  });
});
