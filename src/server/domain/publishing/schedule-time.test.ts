// Wall-clock times in the workspace's zone become the right instants on both
// sides of a daylight-saving change, and queue slots stay at their local hour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveScheduleTime, toZonedIso } from './schedule-time.ts';
import { nextFreeSlot } from './queue-slots.ts';
import { AppError } from '../../errors.ts';

const paris = 'Europe/Paris';

test('09:00 in Paris is 08:00 UTC the day before the March change and 07:00 UTC the day after', () => {
  // In 2027 clocks go forward on Sunday 28 March and back on Sunday 31 October.
  assert.equal(new Date(resolveScheduleTime('2027-03-27T09:00', paris)).toISOString(), '2027-03-27T08:00:00.000Z');
  assert.equal(new Date(resolveScheduleTime('2027-03-29T09:00', paris)).toISOString(), '2027-03-29T07:00:00.000Z');
  assert.equal(new Date(resolveScheduleTime('2027-11-01T09:00', paris)).toISOString(), '2027-11-01T08:00:00.000Z');
  assert.equal(toZonedIso(Date.parse('2027-03-29T07:00:00Z'), paris), '2027-03-29T09:00:00.000+02:00');
});

test('an instant with an offset is taken as is; a wall-clock time is read in the given zone', () => {
  assert.equal(resolveScheduleTime('2027-03-29T09:00:00+02:00', 'America/New_York'), Date.parse('2027-03-29T07:00:00Z'));
  assert.equal(resolveScheduleTime('2027-03-29T09:00', 'America/New_York'), Date.parse('2027-03-29T13:00:00Z'));
});

test('a malformed time is a clear error', () => {
  assert.throws(() => resolveScheduleTime('2027-02-30T09:00', paris), (error: unknown) => error instanceof AppError && error.code === 'schedule_time_invalid');
  assert.throws(() => resolveScheduleTime('tomorrow morning', paris), AppError);
});

test('a Monday 09:00 queue slot stays at 09:00 local across the change; taken slots are skipped', () => {
  const monday9 = [{ weekday: 1, minuteOfDay: 9 * 60 }];
  const saturday = Date.parse('2027-03-27T12:00:00Z');
  const next = nextFreeSlot(monday9, paris, saturday, new Set());
  assert.equal(new Date(next!).toISOString(), '2027-03-29T07:00:00.000Z');
  const after = nextFreeSlot(monday9, paris, saturday, new Set([next!]));
  assert.equal(new Date(after!).toISOString(), '2027-04-05T07:00:00.000Z');
  assert.equal(nextFreeSlot([], paris, saturday, new Set()), null);
});
